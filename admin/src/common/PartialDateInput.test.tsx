import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, Form } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { PartialDateInput } from './PartialDateInput.tsx';

function renderInput(onSubmit: (values: Record<string, unknown>) => void) {
  return render(
    <AdminContext>
      <Form onSubmit={onSubmit} mode="onChange">
        <PartialDateInput source="saidOn" label="Said on" />
        <button type="submit">Save</button>
      </Form>
    </AdminContext>,
  );
}

describe('PartialDateInput', () => {
  afterEach(cleanup);

  it('says what a typed date means', async () => {
    renderInput(() => {});
    const input = await screen.findByLabelText('Said on');
    fireEvent.change(input, { target: { value: '2024-02' } });
    await screen.findByText('Means February 2024 (month precision: the day is unknown)');
    fireEvent.change(input, { target: { value: '2024' } });
    await screen.findByText(/Means 2024 \(the year only/);
  });

  it('refuses a day that does not exist and sends null when cleared', async () => {
    const submitted: Record<string, unknown>[] = [];
    renderInput((values) => submitted.push(values));
    const input = await screen.findByLabelText('Said on');
    fireEvent.change(input, { target: { value: '2023-02-29' } });
    fireEvent.blur(input);
    await screen.findByText('February 2023 has no day 29');

    fireEvent.change(input, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]?.saidOn).toBeNull();
  });
});
