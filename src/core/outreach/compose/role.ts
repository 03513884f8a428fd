/** What a lead's title says about the area they work in, for a line that speaks to their role. */
export interface Role {
  /** e.g. "sales", "engineering"; null when the title says nothing recognisable. */
  area: string | null;
  /** Heads a team or a function (VP, head, director, chief, founder, ...). */
  leads: boolean;
}

const AREAS: [RegExp, string][] = [
  [/\b(ceo|chief executive|founder|co-?founder|owner|president|managing director|general manager)\b/i, 'the business'],
  [/\b(cto|engineering|engineer|developer|software|devops|platform|infrastructure)\b/i, 'engineering'],
  [/\b(cio|it|information technology|security|ciso)\b/i, 'IT'],
  [/\b(cro|sales|account executive|business development|bdr|sdr|revenue)\b/i, 'sales'],
  [/\b(cmo|marketing|growth|brand|demand gen(eration)?|communications)\b/i, 'marketing'],
  [/\b(cfo|finance|financial|controller|accounting|treasury)\b/i, 'finance'],
  [/\b(coo|operations|ops|supply chain|logistics|procurement)\b/i, 'operations'],
  [/\b(cpo|product)\b/i, 'product'],
  [/\b(chro|people|hr|human resources|talent|recruiting)\b/i, 'people'],
  [/\b(data|analytics|research|insights?)\b/i, 'data'],
  [/\b(customer success|support|customer experience)\b/i, 'customer success'],
];

const LEADERSHIP =
  /\b(chief|c[a-z]o|vp|vice president|head|director|founder|co-?founder|owner|president|lead|manager|partner|principal)\b/i;

export function roleFromTitle(title: string | null | undefined): Role {
  if (!title) return { area: null, leads: false };
  const area = AREAS.find(([pattern]) => pattern.test(title))?.[1] ?? null;
  return { area, leads: LEADERSHIP.test(title) };
}
