// Vocabulary for generated text: common English words first (sampled with Zipf weights, so the
// head is frequent and the tail rare, as in real prose), then names, outlets, places and topics.
// Every character is in the Basic Multilingual Plane, so UTF-16 offsets equal code-point offsets.

export const WORDS = `the of and to in a is that for on said with as by was it at from his be
has have will are not this an but its they which were their been more after who would also
had one new or about two than other over into after last first year government minister
defence cooperation military security officials country talks visit meeting agreement
support national foreign region regional training exercise joint ministry relations army
navy base port aid programme project development economic trade border statement week month
president prime ambassador embassy delegation partners partnership leaders discussed
agreed announced called stressed noted welcomed added described urged expressed hoped
confirmed denied reported according press release conference spokesperson public policy
peace stability sovereignty mine clearance demining humanitarian assistance disaster relief
maritime southeast asia pacific united states cambodia china japan australia vietnam thailand
laos ministry council assembly parliament election party opposition rights freedom media
journalists court law reform investment infrastructure loan funding million billion dollars
percent budget plan strategy commitment bilateral multilateral summit forum dialogue
negotiations framework memorandum understanding signed ceremony official formal informal
senior junior general admiral colonel commander officer troops soldiers personnel equipment
vessels aircraft helicopters patrol coast guard fishing waters island islands sea river city
province capital villages communities residents families children schools hospitals health
clinic water roads bridges electricity energy climate floods drought harvest farmers rice
prices market growth jobs workers factories garment exports imports tariffs customs
however while because since although during before under against
between through across around without within among toward towards despite including
several many some most few each every both either neither such same different important
significant major minor key main long short high low large small early late recent former
current future past next previous strong weak clear open closed close far near full
quickly slowly publicly privately recently already still again soon later often never always
people person group groups team teams state states nation nations world international
local community communities historic history record records issue issues question questions
concern concerns interest interests view views position positions role roles step steps
effort efforts result results change changes level levels area areas part parts case cases
régime naïve café façade coöperation résumé détente protégé élite déjà`

  .split(/\s+/)
  .filter(Boolean);

export const FIRST_NAMES =
  `Sophea Dara Vannak Sokha Chenda Rithy Bopha Kosal Sreymom Pisey Ronald Patricia
James Maria Wei Mei Hiroshi Yuki Anh Linh Somchai Niran Kanya Amelia Oliver Grace Daniel
Isabel Lucas Chloé Hélène Thomas Anna Michael Sarah David Emma John Laura Peter Nora`.split(/\s+/);

export const LAST_NAMES =
  `Chea Sok Hun Kem Prak Tea Heng Lim Ouk Sam Clark Austin Nguyen Tran Wang Li Chen
Tanaka Sato Suzuki Phan Le Chaiyaporn Srisuk Smith Jones Brown Taylor Wilson Martin Dubois
Moreau Garcia Rossi Müller Schmidt Novak Kowalski Silva Santos Kim Park`.split(/\s+/);

export const ORGANIZATIONS =
  `Ministry of National Defence|Ministry of Foreign Affairs|Royal Cambodian Armed Forces|
US Embassy in Cambodia|Cambodian Mine Action Centre|Council of Ministers|National Assembly|
Defence Security Cooperation Agency|Pacific Command|Asian Development Bank|World Food Programme|
Office of the Prime Minister|Ministry of Interior|Coast Guard Command|Red Cross Society`
    .split('|')
    .map((name) => name.trim());

export const OUTLETS = [
  ['Phnom Penh Post', 'phnompenhpost.com'],
  ['Khmer Times', 'khmertimeskh.com'],
  ['Cambodianess', 'cambodianess.com'],
  ['Kiripost', 'kiripost.com'],
  ['VOD English', 'vodenglish.news'],
  ['Radio Free Asia', 'rfa.org'],
  ['The Diplomat', 'thediplomat.com'],
  ['Nikkei Asia', 'asia.nikkei.com'],
  ['Reuters', 'reuters.com'],
  ['Associated Press', 'apnews.com'],
  ['Fresh News', 'freshnewsasia.com'],
  ['Agence Kampuchea Presse', 'akp.gov.kh'],
  ['Defense News', 'defensenews.com'],
  ['South China Morning Post', 'scmp.com'],
  ['The Straits Times', 'straitstimes.com'],
] as const;

export const PLACES =
  `Phnom Penh|Siem Reap|Sihanoukville|Ream Naval Base|Kampot|Battambang|Washington|
Tokyo|Canberra|Hanoi|Bangkok|Vientiane|Singapore|Kampong Speu|Koh Kong|Preah Vihear`
    .split('|')
    .map((name) => name.trim());

export const COUNTRIES = ['KH', 'US', 'CN', 'JP', 'AU', 'VN', 'TH', 'LA', 'SG', 'FR'];

/** Topic vocabulary; the first ones are the most used (topics are Zipf-skewed too). */
export const TOPICS =
  `defence-cooperation|demining|maritime-security|humanitarian-aid|military-exercises|
naval-bases|disaster-relief|peacekeeping|arms-sales|training-programmes|border-security|
counter-terrorism|cyber-security|diplomatic-visits|trade-relations|infrastructure|health-cooperation|
education-exchanges|human-rights|press-freedom|elections|rule-of-law|climate|fisheries|energy|
water-management|development-aid|investment|tourism|cultural-heritage|war-legacy|unexploded-ordnance|
veterans|search-and-recovery|regional-forums|asean|south-china-sea|mekong|public-health|food-security`
    .split('|')
    .map((slug) => slug.trim());
