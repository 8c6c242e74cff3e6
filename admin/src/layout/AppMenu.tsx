// The side menu: the dashboard, every resource the role may see, then the editorial screens
// that are not a resource (the review queue, citation health, finding a quote).
import FactCheckIcon from '@mui/icons-material/FactCheck';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Divider } from '@mui/material';
import { Menu } from 'react-admin';

export const AppMenu = () => (
  <Menu>
    <Menu.DashboardItem />
    <Menu.ResourceItems />
    <Divider sx={{ my: 1 }} />
    <Menu.Item to="/review" primaryText="Review queue" leftIcon={<FactCheckIcon />} />
    <Menu.Item to="/citation-health" primaryText="Citation health" leftIcon={<LinkOffIcon />} />
    <Menu.Item to="/find-quote" primaryText="Find a quote" leftIcon={<ManageSearchIcon />} />
  </Menu>
);
