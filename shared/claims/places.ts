/**
 * The gazetteer: places a figure's subject can be about, as plain data, so that
 * "Germany", "German" and "Germany's" name one place, "U.S.", "US", "United
 * States" and "America" another, and "Andalusia" is a region of Spain rather
 * than Spain.
 *
 * Each place has an id, the names writers use for it (the first is the display
 * name), the demonyms and adjectives that stand for it ("Chinese miners" are
 * China's), and for a sub-national region or city its parent. A parent is never
 * the same place as its child: Texas's share is not the United States' share.
 * Names are matched case-sensitively from their first letter (see entities.ts),
 * so "china" (porcelain) and "us" (the pronoun) are not places. Ambiguous names
 * are left out on purpose: "Georgia" is the country only, "Washington" (a state,
 * a city and a government) and "Jordan" are absent.
 */

export interface Place {
  id: string;
  names: readonly string[];
  demonyms?: readonly string[];
  parent?: string;
}

const p = (id: string, names: string, demonyms = '', parent?: string): Place => ({
  id,
  names: names.split('|'),
  ...(demonyms ? { demonyms: demonyms.split('|') } : {}),
  ...(parent ? { parent } : {}),
});

export const PLACES: readonly Place[] = [
  // blocs and continents
  p('eu', 'European Union|EU|E.U.'),
  p('europe', 'Europe', 'European'),
  p('asia', 'Asia', 'Asian'),
  p('africa', 'Africa', 'African'),
  p('latin-america', 'Latin America', 'Latin American'),
  // listed so that "America" in them is not read as the United States
  p('north-america', 'North America', 'North American'),
  p('central-america', 'Central America', 'Central American'),
  p('south-america', 'South America', 'South American'),
  p('middle-east', 'Middle East', 'Middle Eastern'),
  // countries
  p('us', 'United States|United States of America|U.S.|U.S.A.|US|USA|America', 'American'),
  p('cn', "China|People's Republic of China|PRC|mainland China", 'Chinese'),
  p('de', 'Germany', 'German'),
  p('es', 'Spain', 'Spanish'),
  p('fr', 'France', 'French'),
  p('gb', 'United Kingdom|UK|U.K.|Britain|Great Britain', 'British'),
  p('it', 'Italy', 'Italian'),
  p('pt', 'Portugal', 'Portuguese'),
  p('nl', 'Netherlands|Holland', 'Dutch'),
  p('be', 'Belgium', 'Belgian'),
  p('ch', 'Switzerland', 'Swiss'),
  p('at', 'Austria', 'Austrian'),
  p('se', 'Sweden', 'Swedish'),
  p('no', 'Norway', 'Norwegian'),
  p('dk', 'Denmark', 'Danish'),
  p('fi', 'Finland', 'Finnish'),
  p('ie', 'Ireland', 'Irish'),
  p('pl', 'Poland', 'Polish'),
  p('gr', 'Greece', 'Greek'),
  p('ua', 'Ukraine', 'Ukrainian'),
  p('ru', 'Russia|Russian Federation', 'Russian'),
  p('tr', 'Turkey|Türkiye', 'Turkish'),
  p('ge', 'Georgia', 'Georgian'),
  p('kz', 'Kazakhstan', 'Kazakh|Kazakhstani'),
  p('ir', 'Iran', 'Iranian'),
  p('sa', 'Saudi Arabia', 'Saudi'),
  p('ae', 'United Arab Emirates|UAE', 'Emirati'),
  p('il', 'Israel', 'Israeli'),
  p('eg', 'Egypt', 'Egyptian'),
  p('ng', 'Nigeria', 'Nigerian'),
  p('ke', 'Kenya', 'Kenyan'),
  p('et', 'Ethiopia', 'Ethiopian'),
  p('za', 'South Africa', 'South African'),
  p('ma', 'Morocco', 'Moroccan'),
  p('in', 'India', 'Indian'),
  p('pk', 'Pakistan', 'Pakistani'),
  p('bd', 'Bangladesh', 'Bangladeshi'),
  p('jp', 'Japan', 'Japanese'),
  p('kr', 'South Korea|Republic of Korea|Korea', 'South Korean|Korean'),
  p('kp', 'North Korea', 'North Korean'),
  p('tw', 'Taiwan', 'Taiwanese'),
  p('hk', 'Hong Kong', '', 'cn'),
  p('vn', 'Vietnam|Viet Nam', 'Vietnamese'),
  p('th', 'Thailand', 'Thai'),
  p('my', 'Malaysia', 'Malaysian'),
  p('id', 'Indonesia', 'Indonesian'),
  p('ph', 'Philippines', 'Philippine|Filipino'),
  p('sg', 'Singapore', 'Singaporean'),
  p('au', 'Australia', 'Australian'),
  p('nz', 'New Zealand', 'New Zealander'),
  p('ca', 'Canada', 'Canadian'),
  p('mx', 'Mexico', 'Mexican'),
  p('br', 'Brazil', 'Brazilian'),
  p('ar', 'Argentina', 'Argentine|Argentinian'),
  p('cl', 'Chile', 'Chilean'),
  p('co', 'Colombia', 'Colombian'),
  p('pe', 'Peru', 'Peruvian'),
  p('ve', 'Venezuela', 'Venezuelan'),
  p('py', 'Paraguay', 'Paraguayan'),
  p('is', 'Iceland', 'Icelandic'),
  // sub-national regions and cities
  p('us-tx', 'Texas', 'Texan', 'us'),
  p('us-ca', 'California', 'Californian', 'us'),
  p('us-ny', 'New York|New York State|New York City', 'New Yorker', 'us'),
  p('us-ky', 'Kentucky', '', 'us'),
  p('us-wy', 'Wyoming', '', 'us'),
  p('us-fl', 'Florida', 'Floridian', 'us'),
  p('us-nm', 'New Mexico', '', 'us'),
  p('cn-nm', 'Inner Mongolia', '', 'cn'),
  p('cn-xj', 'Xinjiang', '', 'cn'),
  p('cn-sc', 'Sichuan', 'Sichuanese', 'cn'),
  p('cn-yn', 'Yunnan', '', 'cn'),
  p('cn-gd', 'Guangdong', '', 'cn'),
  p('cn-bj', 'Beijing', '', 'cn'),
  p('cn-sh', 'Shanghai', '', 'cn'),
  p('cn-sz', 'Shenzhen', '', 'cn'),
  p('es-an', 'Andalusia|Andalucía|Andalucia', 'Andalusian', 'es'),
  p('es-ct', 'Catalonia|Catalunya', 'Catalan', 'es'),
  p('es-md', 'Madrid', '', 'es'),
  p('es-pv', 'Basque Country', 'Basque', 'es'),
  p('de-by', 'Bavaria', 'Bavarian', 'de'),
  p('de-be', 'Berlin', '', 'de'),
  p('fr-idf', 'Paris|Île-de-France', 'Parisian', 'fr'),
  p('gb-sct', 'Scotland', 'Scottish', 'gb'),
  p('gb-wls', 'Wales', 'Welsh', 'gb'),
  p('gb-eng', 'England', 'English', 'gb'),
  p('gb-lon', 'London', '', 'gb'),
  p('gb-nir', 'Northern Ireland', '', 'gb'),
  p('ca-qc', 'Quebec|Québec', 'Quebecois', 'ca'),
  p('ca-ab', 'Alberta', 'Albertan', 'ca'),
  p('ca-on', 'Ontario', '', 'ca'),
  p('ca-bc', 'British Columbia', '', 'ca'),
  p('au-qld', 'Queensland', 'Queenslander', 'au'),
  p('au-nsw', 'New South Wales', '', 'au'),
  p('au-wa', 'Western Australia', '', 'au'),
  p('in-mh', 'Maharashtra', '', 'in'),
  p('in-mum', 'Mumbai', '', 'in'),
  p('ru-sib', 'Siberia', 'Siberian', 'ru'),
  p('it-lom', 'Lombardy', '', 'it'),
  p('jp-tyo', 'Tokyo', '', 'jp'),
];

/**
 * Nouns that, right after a demonym, stand for the place's industry rather than
 * naming a metric: "Chinese miners' share of the hash rate" is China's share.
 */
export const ACTOR_NOUNS: readonly string[] = [
  'miners',
  'miner',
  'companies',
  'company',
  'firms',
  'producers',
  'manufacturers',
  'operators',
  'businesses',
  'suppliers',
  'mining pools',
  'pools',
  'authorities',
  'officials',
  'government',
];
