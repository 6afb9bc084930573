// Words and names the scale generator composes its records from. Fixed lists
// for what must look like the arms trade (who sells, who buys, who lobbies),
// and pools of person and place names drawn once from a seeded faker.
import { Faker, base, en } from "@faker-js/faker";

/** Main exporters, most to least (roughly the order of public arms-transfer registers). */
export const SUPPLIERS = [
  "US", "RU", "FR", "CN", "DE", "IT", "GB", "ES", "IL", "KR", "TR", "UA", "NL", "SE", "CH",
  "CA", "BY", "CZ", "PL", "NO", "AU", "ZA", "BR", "IN", "PK", "IR", "KP", "RS", "BG", "AE",
] as const;

/** Main importers, most to least. */
export const RECIPIENTS = [
  "IN", "SA", "EG", "QA", "AU", "CN", "PK", "DZ", "KR", "AE", "JP", "VE", "IQ", "VN", "ID",
  "TR", "BD", "MA", "SG", "IL", "GR", "TW", "UA", "NG", "MM", "KZ", "SY", "LY", "SD", "ET",
  "CO", "MX", "BR", "CL", "PE", "TH", "MY", "PH", "AZ", "AM", "KW", "OM", "JO", "ZW", "AO",
] as const;

/** Governments that most often lobby others about arms sales. */
export const LOBBYISTS = [
  "US", "GB", "DE", "FR", "NL", "SE", "NO", "CA", "JP", "AU", "IL", "PL", "IN", "KR", "CO",
  "UA", "GR", "DK", "FI", "BE",
] as const;

export const WEAPON_STEMS = [
  "Igla", "Strela", "Verba", "Kornet", "Konkurs", "Metis", "Tor", "Buk", "Pantsir", "Krasnopol",
  "Msta", "Grad", "Smerch", "Tornado", "Stinger", "Javelin", "Hellfire", "Patriot", "Avenger",
  "Mistral", "Milan", "Exocet", "Aster", "Crotale", "Caesar", "Leopard", "Marder", "Boxer",
  "Piranha", "Spike", "Tavor", "Negev", "Barak", "Hermes", "Heron", "Wing Loong", "Thunder",
  "Hongjian", "Qianwei", "Hongqi", "Red Arrow", "Harpoon", "Maverick", "Sidewinder", "Storm",
  "Falcon", "Cobra", "Viper", "Condor", "Kestrel", "Jaguar", "Panther", "Puma", "Lynx", "Kobra",
  "Sokol", "Berkut", "Shmel", "Vikhr", "Ataka", "Khrizantema", "Bumerang", "Kurganets", "Typhoon",
  "Gvozdika", "Akatsia", "Uragan", "Polonez", "Piorun", "Grom", "Krab", "Rosomak", "Archer",
  "RBS", "Carl Gustaf", "NLAW", "Bayraktar", "Kirpi", "Otokar", "Firtina", "Bora", "Hisar",
];

export const WEAPON_SUFFIXES = ["", "", "-M", "-S", "-2", "-1M", " Mk 2", " Mk 3", "-E", "-K", " NG", "-ER", " II", "-MS"];

/** Weapon categories with how often registers list them, and the noun a sentence uses. */
export const CATEGORY_WEIGHTS = [
  ["AIRCRAFT", 15, "combat aircraft"],
  ["AIR_DEFENCE_SYSTEMS", 10, "air defence systems"],
  ["MANPADS", 6, "shoulder-fired missiles"],
  ["ARMOURED_VEHICLES", 18, "armoured vehicles"],
  ["ARTILLERY", 12, "artillery"],
  ["MISSILES", 14, "missiles"],
  ["SHIPS", 7, "warships"],
  ["SMALL_ARMS_LIGHT_WEAPONS", 10, "small arms"],
  ["SENSORS", 5, "radars"],
  ["OTHER", 3, "military equipment"],
] as const;

export const PERSON_TITLES = [
  "Deputy Foreign Minister", "Director for Disarmament and Security Affairs", "Ambassador",
  "Deputy Chief of Mission", "Political Counselor", "Defence Attaché", "Minister of Defence",
  "Secretary of State", "Under Secretary for Arms Control", "Head of Export Control",
  "Special Envoy", "Director General", "Senior Analyst", "Programme Manager", "Spokesperson",
  "Chief of General Staff", "National Security Adviser", "Desk Officer",
];

export const GOVERNMENT_BODIES = [
  "Ministry of Foreign Affairs", "Ministry of Defence", "Embassy", "Federal Service for Military-Technical Cooperation",
  "Export Control Agency", "Presidential Administration", "National Security Council", "Defence Procurement Agency",
  "Permanent Mission to the United Nations", "Parliamentary Defence Committee",
];

export const ORGANISATIONS = [
  "Arms Sales Monitoring Project", "Small Arms Survey", "Arms Control Association", "Conflict Armament Research",
  "Amnesty International", "Human Rights Watch", "Stockholm Peace Institute", "UN Panel of Experts",
  "Wassenaar Secretariat", "Arms Trade Treaty Secretariat", "Control Arms Coalition", "Export Credit Agency",
];

export const ARMED_GROUP_WORDS = ["Front", "Army", "Movement", "Brigades", "Forces", "Council", "Militia", "Guard"];
export const ARMED_GROUP_THEMES = ["Liberation", "Revolutionary", "Popular", "National", "Islamic", "United", "Democratic", "Patriotic"];

export const PUBLISHERS = [
  "Reuters", "Associated Press", "Agence France-Presse", "The Guardian", "Le Monde", "Der Spiegel",
  "Kommersant", "Vedomosti", "El País", "The New York Times", "The Washington Post", "Jane's Defence Weekly",
  "Defense News", "Janes", "Al Jazeera", "BBC", "WikiLeaks", "SIPRI", "Small Arms Survey", "UN Security Council",
  "Federation of American Scientists", "Human Rights Watch", "Amnesty International", "Ministry of Foreign Affairs",
];

export const INSPECTING_PARTIES = [
  "UN Panel of Experts", "OSCE monitors", "End-use monitoring team", "Joint verification commission",
  "Defence attaché office", "Conflict Armament Research field team",
];

export const VERBS_OF_CONCERN = ["could be diverted", "may reach", "were reported with", "risk falling to", "were seen with"];

export const CONCERN_OBJECTS = [
  "armed groups", "insurgents", "a sanctioned neighbour", "smugglers", "militias", "rebel forces",
  "a third country", "criminal networks",
];

export const FINDINGS = [
  "All items accounted for.", "Serial numbers matched the export licence.", "Several items could not be located.",
  "Inspectors were denied access to one depot.", "Stocks found in poor storage conditions.",
  "Inventory incomplete; follow-up inspection recommended.", "No evidence of diversion found.",
];

export const RESPONSE_PHRASES = [
  "said the sale breaks no international restriction",
  "said the decision was its own, not ours",
  "promised to look into the matter",
  "declined to discuss the contract",
  "gave assurances on end use",
  "agreed to delay the delivery",
  "referred the question to the defence ministry",
  "did not answer",
  "agreed to allow inspections",
];

export const QUOTE_OPENINGS = [
  "There is no international restriction on selling", "That is your decision, not ours; we have our own policy on",
  "We have received firm assurances about", "We remain deeply concerned about", "There is no evidence of diversion of",
  "Our contracts include end-use clauses for", "The sale of", "We will not discuss the terms of",
  "A compelling motivation is profit, both licit and illicit, behind", "Regular on-site inventories are needed for",
];

export const PASSAGE_OPENINGS = [
  "According to the cable,", "The report states that", "Officials confirmed that", "The article says that",
  "Diplomats said that", "Satellite imagery suggests that", "A parade showed that", "Customs records indicate that",
  "The embassy reported that", "Analysts note that",
];

export type NamePools = { people: string[]; cities: string[]; companies: string[]; words: string[] };

/** Person, city and company names, the same for the same seed. */
export function namePools(seed: number): NamePools {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  const people = Array.from({ length: 4000 }, () => faker.person.fullName());
  const cities = Array.from({ length: 400 }, () => faker.location.city());
  const companies = Array.from({ length: 300 }, () => faker.company.name());
  const words = Array.from({ length: 600 }, () => faker.word.noun());
  return { people, cities, companies, words };
}
