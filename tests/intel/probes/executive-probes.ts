/**
 * Executive probes: one passage each from a real public page about a company that is NOT in the real-text
 * evaluation set (tests/fixtures/intel/realworld), reworded (facts and sentence shapes kept), with the executives
 * a person reads there and the names that must not appear. Written before any rule was tuned on them; the
 * probes marked `holdout` (every fourth, chosen before the first run) are never used to tune.
 */
export interface ExecutiveProbe {
  company: string;
  /** The real page the passage was reworded from. */
  url: string;
  title: string;
  publishedDate: string | null;
  text: string;
  /** Current executives of the company the passage states, the title as a pattern a right answer matches. */
  executives: { name: string; title: RegExp }[];
  /** People neither required nor wrong (a board member, a departing CEO staying on as chair). */
  optional?: string[];
  /** People who must not be returned as this company's executives. */
  mustNot: string[];
  split: 'tune' | 'holdout';
}

type Probe = Omit<ExecutiveProbe, 'split'>;

const probes: Probe[] = [
  {
    company: 'Cannondale',
    url: 'https://sgbonline.com/cannondale-appoints-paul-francese-as-cfo',
    title: 'Cannondale Appoints Paul Francese as CFO',
    publishedDate: null,
    text: `Cannondale said that Paul Francese will join the company on October 1st as its new Chief Financial Officer. Hiring Francese fills the final open seat on Cannondale's executive team, two months after Bell Sports veteran John Doerr came aboard as its new Chief Operating Officer.
Francese joins Cannondale from Pitney Bowes, Inc., where he was Vice President of Finance, Information Technology, and Change Initiatives. Before Pitney Bowes he held management posts at General Electric, United Technologies and Litton Industries.
David Uri, a Director of Cannondale and a Partner at Cannondale's parent company, Pegasus Capital Advisors, L.P., said the hire leaves Cannondale in good shape for the future. “Paul is the final piece,” said Uri.`,
    executives: [
      { name: 'Paul Francese', title: /chief financial|cfo/i },
      { name: 'John Doerr', title: /chief operating|coo/i },
    ],
    optional: ['David Uri'],
    mustNot: [],
  },
  {
    company: 'SIG',
    url: 'https://shareprices.com/news/sig-ceo-steve-francis-appointed-to-role-on-permanent-basis-4yutik8lidvu2p8',
    title: 'SIG CEO Steve Francis appointed to role on permanent basis',
    publishedDate: '2020-04-24',
    text: `(Alliance News) - SIG PLC said Friday it has appointed Steve Francis as chief executive officer on a permanent basis.
In late February, Francis had been picked to lead the FTSE 250 construction products supplier on a contract running to the end of 2020.
He replaces Meinie Oldersma, who stepped down after three years in the role.
Francis was brought in as CEO of troubled Patisserie Holdings in November 2018, serving until February 2019. Before Patisserie, Francis led the turnaround of printing equipment supplier Danwood Group Holdings Ltd as CEO.
"Steve has shown strong leadership in the hardest of circumstances since his first appointment," said Chair Andrew Allner.`,
    executives: [
      { name: 'Steve Francis', title: /chief executive|ceo/i },
      { name: 'Andrew Allner', title: /chair/i },
    ],
    mustNot: ['Meinie Oldersma'],
  },
  {
    company: 'Michael Hill International',
    url: 'https://thecapitalclub.com.au/2025/03/06/michael-hill-international-limited-asxmhj-announces-interim-leadership-changes',
    title: 'Michael Hill International Limited (ASX:MHJ) Announces Interim Leadership Changes',
    publishedDate: '2025-03-06',
    text: `Interim CEO Appointment
Michael Hill International Limited has appointed Andrew Lowe, Chief Financial and Supply Chain Officer, as Interim Chief Executive Officer with immediate effect. The Board is running a global search for a permanent CEO, looking at internal and external candidates.
Support During Transition
Claudia Batten has been appointed Deputy Chair and, together with Chair Rob Fyfe and Gary Smith, will give Andrew Lowe added support through the interim period.
Chair Rob Fyfe said the Board was confident in Andrew's ability to guide the Michael Hill Group through the transition, drawing on his strategic, financial and operational experience.`,
    executives: [
      { name: 'Andrew Lowe', title: /chief executive|ceo|chief financial/i },
      { name: 'Claudia Batten', title: /deputy chair/i },
      { name: 'Rob Fyfe', title: /chair/i },
    ],
    optional: ['Gary Smith'],
    mustNot: [],
  },
  {
    company: 'United Airlines',
    url: 'https://law.com/2020/05/13/inside-track-general-counsel-to-chief-administrative-officer-to-president',
    title: 'Inside Track: General Counsel to Chief Administrative Officer to President',
    publishedDate: '2020-05-13',
    text: `This week the former general counsel of United Airlines was named the company's president. Brett Hart takes up his new role as president at United amid the pandemic, almost five years after the airline leaned on him during another crisis.
In fall 2015, United's new CEO, Oscar Munoz, had a heart attack that led to a transplant, and United relied on Hart to act as CEO in the interim. Hart later became the chief administrative officer, a role United will leave unfilled once Hart moves on to become president.
The GC of Atlanta-based claims management firm Crawford & Co. was also named company president during the pandemic. Joseph Blanco, who takes up his new post this week, talked with Corporate Counsel about the move.`,
    executives: [{ name: 'Brett Hart', title: /president/i }],
    optional: ['Oscar Munoz'],
    mustNot: ['Joseph Blanco'],
  },
  {
    company: 'MotherDuck',
    url: 'https://www.madrona.com/category/podcast/page/4/',
    title: 'MotherDuck’s Jordan Tigani, DuckDB’s Hannes Mühleisen Commercializing Open-source Projects',
    publishedDate: null,
    text: `Welcome to Founded & Funded, I'm Coral Garnick Ducken, the digital editor here at Madrona. This week Madrona Partner Jon Turow tells the story of a partnership between two people who had never met. You'll hear from Hannes Mühleisen, creator of the DuckDB open-source project, and Jordan Tigani, the database leader who saw a chance to commercialise it by building MotherDuck.
Jon: I'm Jon Turow, a partner at Madrona, and I'm glad to be here with Jordan Tigani and Hannes Mühleisen.
Jon: Jordan, you're the founder and CEO of MotherDuck. Can you tell us what MotherDuck is?
Jordan: Sure. MotherDuck is a serverless data analytics system built on DuckDB. We're a small startup.`,
    executives: [{ name: 'Jordan Tigani', title: /founder|ceo/i }],
    mustNot: ['Hannes Mühleisen', 'Jon Turow', 'Coral Garnick Ducken'],
  },
  {
    company: 'i2tag',
    url: 'https://zeewybrands.com/art-of-the-interview-3-questions-startup-founders-love/',
    title: 'Art of the Interview: 3 Questions Startup Founders Love',
    publishedDate: null,
    text: `When interviewing a founder, some topics are best avoided, such as the exit strategy. So which questions get the conversation going? To find out, I asked my client Steve Gerber, the CEO and co-founder of the tech startup i2tag, to share his top three.
A good place to start the interview, says Gerber, is the company's beginnings. Founders are as keen to share their company's origin story as new parents are to share a milestone.`,
    executives: [{ name: 'Steve Gerber', title: /ceo|founder/i }],
    mustNot: [],
  },
  {
    company: 'Visa',
    url: 'https://www.ft.com/content/15f156dc-86d6-11e9-a028-86cea8523dc2',
    title: 'General counsel profiles',
    publishedDate: null,
    text: `The job of top lawyer at a big company is never simple. In the case of Kelly Mahon Tullier of Visa, for example, the payments company's chief executive Al Kelly points to her “profound impact” on the organisation. Ms Tullier played a central part in integrating Visa Europe, co-leads the company's gender inclusion council and helped shape Visa's leadership principles.`,
    executives: [{ name: 'Al Kelly', title: /chief executive|ceo/i }],
    optional: ['Kelly Mahon Tullier'],
    mustNot: [],
  },
  {
    company: 'Barclays',
    url: 'https://www.ft.com/content/15f156dc-86d6-11e9-a028-86cea8523dc2',
    title: 'General counsel profiles',
    publishedDate: null,
    text: `Profiles compiled by RSG Consulting researchers and FT editors

Bob Hoyt
Group general counsel

Barclays: Bob Hoyt

Since he joined Barclays in 2013, Bob Hoyt has been central to restructuring the UK bank and working through regulatory change after the financial crisis. He earlier held senior posts at the US Treasury and in the George W Bush administration. He has advised the bank on setting up three ringfenced banks.`,
    executives: [{ name: 'Bob Hoyt', title: /general counsel/i }],
    mustNot: [],
  },
  {
    company: 'Anheuser-Busch InBev',
    url: 'https://www-ft-com.ezp-prod1.hul.harvard.edu/content/9b3a2bc2-0e58-4f5f-b3c0-6c4628991306',
    title: 'General counsel profiles',
    publishedDate: null,
    text: `Anheuser-Busch InBev

John Blood

Chief legal and corporate affairs officer and company secretary
John Blood

John Blood joined Anheuser-Busch InBev in 2009 to work on global mergers and acquisitions, compliance and corporate law.

As chief legal and corporate affairs officer since 2019, Blood has reshaped how the legal team is organised, replacing the old regional hub-and-spoke model with what he calls communities of practice.`,
    executives: [{ name: 'John Blood', title: /chief legal|legal/i }],
    mustNot: [],
  },
  {
    company: 'Airbus',
    url: 'https://www-ft-com.ezp-prod1.hul.harvard.edu/content/9b3a2bc2-0e58-4f5f-b3c0-6c4628991306',
    title: 'General counsel profiles',
    publishedDate: null,
    text: `Airbus

John Harrison

Group general counsel
John Harrison

Since 2015, John Harrison has had a key part in the plane maker's response to bribery investigations, and he has rebuilt its compliance function. Before Airbus he was general counsel of a listed engineering group.`,
    executives: [{ name: 'John Harrison', title: /general counsel/i }],
    mustNot: [],
  },
  {
    company: 'Darden Restaurants',
    url: 'https://www.businessinsider.com.au/darden-restaurants-ceo-is-stepping-down-2014-10',
    title: 'Darden Restaurants CEO Is Stepping Down',
    publishedDate: '2014-10-15',
    text: `Darden Restaurants CEO Clarence Otis, who has been criticised by activist investors over his turnaround plan, is stepping down.
Darden President and Chief Operating Officer Gene Lee will take over as interim CEO until the board's search committee picks a permanent chief.
The company, which owns the Olive Garden and LongHorn chains, had said in July that Otis would step down on Dec. 31 unless a successor was found sooner.
Activist investor Starboard Value has pressed Darden to shake up its management for the past year.
Commenting in a release, Lee said he was thrilled to lead the company and its 150,000 employees.`,
    executives: [{ name: 'Gene Lee', title: /ceo|president|chief operating/i }],
    mustNot: ['Clarence Otis'],
  },
  {
    company: 'Navistar',
    url: 'https://theworld.org/stories/2016/07/31/navistar-ceo-dan-ustian-quits-replaced-former-textron-boss-lewis-campbell',
    title: 'Navistar CEO Dan Ustian quits, replaced by former Textron boss Lewis Campbell',
    publishedDate: null,
    text: `Struggling truck and engine maker Navistar International Corp said today that chairman and chief executive Dan Ustian had quit, ending a 37-year career at the company.
Navistar has appointed former Textron CEO Lewis Campbell as interim boss, the company said in a statement.
"I look forward to working with Navistar's strong leadership team," Campbell said in the statement. "At the right time we will search for a long-term CEO, including internal and external candidates."
Investors had called for Ustian to step down after a hard year for Navistar.`,
    executives: [],
    optional: ['Lewis Campbell'],
    mustNot: ['Dan Ustian'],
  },
  {
    company: 'BlackBerry',
    url: 'https://www.businessinsider.com.au/blackberry-ceo-thorsten-heins-out-2013-11',
    title: 'BlackBerry CEO Thorsten Heins Out',
    publishedDate: '2013-11-04',
    text: `BlackBerry said today that CEO Thorsten Heins will step down and that the company is looking for a replacement.
John S. Chen will serve as interim CEO of BlackBerry. Chen will also be the executive chair of BlackBerry's board of directors.
The company has also dropped its plans to go private.
Heins took over BlackBerry as CEO in January 2012, replacing co-CEOs Mike Lazaridis and Jim Balsillie. Heins oversaw the final development of BlackBerry 10.`,
    executives: [{ name: 'John S. Chen', title: /ceo|chair/i }],
    mustNot: ['Thorsten Heins', 'Mike Lazaridis', 'Jim Balsillie'],
  },
  {
    company: 'Toshiba',
    url: 'https://www.japantimes.co.jp/news/2022/03/01/business/corporate-business/toshiba-president-steps-down/',
    title: 'Toshiba president steps down',
    publishedDate: '2022-03-01',
    text: `Toshiba Corp.'s Chief Executive Officer Satoshi Tsunakawa resigned Tuesday in the latest upheaval at the firm, and his replacement pledged to press on with a plan to split the company in two.
Tsunakawa, 66, resigned after a board of directors meeting earlier in the day, and Taro Shimada, a 55-year-old executive officer and corporate senior vice president, succeeded him, the company said.
Shimada's appointment is interim, and the board said it would watch his performance. Tsunakawa will stay on for now as chair of the board of directors.`,
    executives: [
      { name: 'Taro Shimada', title: /ceo|chief executive|president|executive officer/i },
      { name: 'Satoshi Tsunakawa', title: /chair/i },
    ],
    mustNot: [],
  },
  {
    company: 'Bed Bath & Beyond',
    url: 'https://www.crainscleveland.com/finance/bed-bath-beyond-replaces-ceo-who-drew-criticism-ancora-advisors-and-two-other-activist',
    title: 'Bed Bath & Beyond replaces CEO who drew criticism from Ancora Advisors and two other activists',
    publishedDate: null,
    text: `Bed Bath & Beyond Inc. said CEO Steven Temares, who has drawn fire from activist investors including Ancora Advisors of Mayfield Heights over the company's weak results, is stepping down immediately. He will be replaced on an interim basis by Mary Winston, a recent addition to the board.
The board formed a committee to find a permanent CEO, the company said. The board also added Andrea Weiss, who will oversee the company's strategy and transformation plans.
Winston's retail experience includes serving as chief financial officer of Family Dollar Stores Inc. and Giant Eagle Inc.`,
    executives: [{ name: 'Mary Winston', title: /ceo|chief executive/i }],
    optional: ['Andrea Weiss'],
    mustNot: ['Steven Temares'],
  },
  {
    company: 'Mozilla',
    url: 'https://nepanomy.com/mozilla-names-interim-chief-executive-officer/',
    title: 'Mozilla names interim chief executive officer',
    publishedDate: null,
    text: `Mozilla announced the appointment of Chris Beard as its interim chief executive and a new member of its board of directors. At Mozilla since before Firefox 1.0, he most recently held a senior post at the company and earlier led Mozilla's product, marketing and innovation teams. The company will keep working on the appointment of a permanent chief executive.
Beard's appointment follows the resignation of Brendan Eich barely a week after he was named chief executive. He stepped down after opposition from staff.`,
    executives: [{ name: 'Chris Beard', title: /chief executive|ceo/i }],
    mustNot: ['Brendan Eich'],
  },
  {
    company: 'Twitter',
    url: 'https://seekingalpha.com/news/3338078-agrawal-takes-cto-twitter',
    title: 'Agrawal takes CTO post at Twitter',
    publishedDate: '2018-09-01',
    text: `Parag Agrawal has taken over as chief technology officer at Twitter (TWTR +1.5%).
He succeeds Adam Messinger, who left more than a year ago.
He joined Twitter in 2011 as an ads engineer and led work on scaling the ads systems, and contributed to machine learning.
Before Twitter he did research in large-scale data management with collaborators at Microsoft Research, Yahoo! Research and AT&T Labs.`,
    executives: [{ name: 'Parag Agrawal', title: /chief technology|cto/i }],
    mustNot: ['Adam Messinger'],
  },
  {
    company: 'Microsoft',
    url: 'https://www.itbrew.com/stories/2024/05/03/april-c-suite-shake-ups-leave-some-in-some-out',
    title: 'April C-suite shake-ups leave some in, some out',
    publishedDate: '2024-05-03',
    text: `Jason Taylor moved from Meta to Microsoft
Microsoft is betting big on AI. The company hired former Meta VP of infrastructure Jason Taylor as corporate VP and deputy CTO on April 22.
“There has been a lot of guessing about our supercomputing plans, most of it wrong,” Microsoft CTO Kevin Scott wrote in a LinkedIn post announcing the hire.
F5 picked up Kunal Anand
Security company F5 named Kunal Anand as its new CTO on April 2. Anand was earlier CTO at Imperva for five years.`,
    executives: [
      { name: 'Jason Taylor', title: /deputy cto|vp|vice president/i },
      { name: 'Kevin Scott', title: /cto|chief technology/i },
    ],
    mustNot: ['Kunal Anand'],
  },
  {
    company: 'F5',
    url: 'https://www.itbrew.com/stories/2024/05/03/april-c-suite-shake-ups-leave-some-in-some-out',
    title: 'April C-suite shake-ups leave some in, some out',
    publishedDate: '2024-05-03',
    text: `Microsoft is betting big on AI. The company hired former Meta VP of infrastructure Jason Taylor as corporate VP and deputy CTO on April 22, and Microsoft CTO Kevin Scott announced the hire on LinkedIn.
F5 picked up Kunal Anand
Security company F5 named Kunal Anand as its new CTO on April 2. Anand, a veteran CTO, will be “responsible for setting the technology vision for F5,” the company said.
Anand was earlier CTO at Imperva for five years, after more than five years as CTO at Prevoty, the runtime security company he co-founded and Imperva bought in 2018.`,
    executives: [{ name: 'Kunal Anand', title: /cto|chief technology/i }],
    mustNot: ['Jason Taylor', 'Kevin Scott'],
  },
  {
    company: 'AOL',
    url: 'https://www.mediapost.com/publications/article/127843/microsoft-cto-jumps-to-aol.html',
    title: 'Microsoft CTO Jumps To AOL',
    publishedDate: null,
    text: `AOL has named Alexander Gounares its new chief technology officer and a member of its Global Executive Operating Committee.
Mr Gounares will report to AOL chairman and CEO Tim Armstrong and will work from AOL's Dulles, Virginia campus.
Mr Gounares joins AOL from Microsoft, where he was a corporate vice president and chief technology officer for Microsoft's Online Services Division. He also spent three years as technology adviser to Microsoft chairman and founder Bill Gates.
Gounares succeeds Ted Cahall, who left AOL in January.`,
    executives: [
      { name: 'Alexander Gounares', title: /chief technology|cto/i },
      { name: 'Tim Armstrong', title: /ceo|chairman/i },
    ],
    mustNot: ['Bill Gates', 'Ted Cahall'],
  },
  {
    company: 'Foot Locker',
    url: 'https://www.crainsnewyork.com/article/20141104/RETAIL_APPAREL/141109967/foot-locker-ceo-to-step-down-shares-sink',
    title: 'Foot Locker CEO to step down; shares sink',
    publishedDate: '2014-11-04',
    text: `Foot Locker Inc. fell the most in more than a year after saying Chief Executive Officer Ken Hicks is retiring and will be succeeded by Richard Johnson, the sneaker chain's chief operating officer.
Mr. Hicks, 61, who came to Foot Locker in 2009 from J.C. Penney Co., plans to step down on Dec. 1 and will stay on as executive chairman until the annual meeting in May, the New York-based company said.
"People liked Ken and they worry about what comes next," said Sam Poser, a New York-based analyst at Sterne, Agee & Leach Inc. who recommends buying the shares.`,
    executives: [{ name: 'Richard Johnson', title: /ceo|chief executive|chief operating/i }],
    optional: ['Ken Hicks'],
    mustNot: ['Sam Poser'],
  },
  {
    company: 'Gap',
    url: 'https://www.cnbc.com/2014/10/09/gap-shares-tumble-after-ceo-announces-exit.html',
    title: 'Gap shares tumble after CEO announces exit',
    publishedDate: '2014-10-09',
    text: `Gap shares fell 12 percent on Thursday after the company said Chairman and CEO Glenn Murphy will retire in February.
Four firms downgraded the retailer. All four credited incoming CEO Art Peck's near-decade of experience at Gap, but saw new questions for the company.
"We see Murphy as one of the best retail CEOs, and while we think Peck is a strong leader, this transition brings uncertainty," said Wells Fargo analyst Paul Lejuez, who cut the retailer to "market perform."
"It will be hard to repeat the success Murphy has overseen," said Sterne Agee analyst Ike Boruchow. Telsey Advisory Group's Dana Telsey also cut the stock.`,
    executives: [{ name: 'Art Peck', title: /ceo|chief executive/i }],
    optional: ['Glenn Murphy'],
    mustNot: ['Paul Lejuez', 'Ike Boruchow', 'Dana Telsey'],
  },
  {
    company: 'Under Armour',
    url: 'https://coins2day.com/2019/10/23/ceo-exodus-heres-what-happens-to-a-companys-stock-price-when-theres-turnover-at-the-top',
    title: 'CEO Exodus: What Happens to a Company’s Stock Price When There’s Turnover at the Top',
    publishedDate: '2019-10-23',
    text: `Finance
Anne Sraders
By
Anne Sraders
October 23, 2019
The CEO exodus goes on.
On Tuesday two big retail companies said their CEOs were stepping down. Nike's longtime CEO Mark Parker will hand over the reins in 2020 but stay on as executive chairman, while Under Armour's founder and CEO Kevin Plank will step down but remain the struggling apparel company's executive chairman and brand chief.`,
    executives: [],
    optional: ['Kevin Plank'],
    mustNot: ['Mark Parker', 'Anne Sraders'],
  },
  {
    company: 'Horizon Therapeutics',
    url: 'https://www.pharmavoice.com/article/2019-07-pharmavoice-100-researchers-and-scientists/',
    title: 'PharmaVOICE 100: Researchers & Scientists',
    publishedDate: null,
    text: `Fierce Advocate. Collaborative.
Uniting for Cures

Shao-Lee Lin, M.D., Ph.D.
Title: Executive VP, Head of Research and Development, and Chief Scientific Officer
Company: Horizon

Tasked with building a lasting R&D portfolio for Horizon Therapeutics, Shao-Lee Lin, M.D., Ph.D., has brought together talent to form a diverse R&D team.
As executive VP, head of research and development, and chief scientific officer at Horizon, Dr. Lin leads a team whose goal is to shorten the path to therapies for rare and rheumatic diseases. She says the role is the hardest of her career so far.`,
    executives: [{ name: 'Shao-Lee Lin', title: /chief scientific|research and development|executive vp/i }],
    mustNot: [],
  },
  {
    company: 'Global Blood Therapeutics',
    url: 'https://www.chemistryworld.com/careers/the-life-of-a-chief-scientific-officer/4013273.article',
    title: 'The life of a chief scientific officer',
    publishedDate: null,
    text: `On a normal working day, Brian Cathers' mind swings between the future and the present. ‘I go from thinking two and three years ahead to what is happening now with our projects,’ says Cathers, who is the chief scientific officer of Global Blood Therapeutics (GBT), a US company developing treatments for blood disorders such as sickle cell disease.
Cathers became chief scientific officer at GBT in February 2019 after 15 years at the drug company Celgene.
Anton Toutov, co-founder and chief science officer of Fuzionaire, a US start-up making catalysts and reagents, moved into start-ups soon after his PhD at Caltech.`,
    executives: [{ name: 'Brian Cathers', title: /chief scientific/i }],
    mustNot: ['Anton Toutov'],
  },
  {
    company: 'Fuzionaire',
    url: 'https://www.chemistryworld.com/careers/the-life-of-a-chief-scientific-officer/4013273.article',
    title: 'The life of a chief scientific officer',
    publishedDate: null,
    text: `Chief scientific officers have strikingly varied careers. Brian Cathers became the chief scientific officer at GBT in February 2019, after years in the drug industry, 15 of them at Celgene.
On the other hand, Anton Toutov, co-founder and chief science officer of Fuzionaire, a US start-up that develops alkali metal catalysts and reagents, went into the start-up world soon after his PhD in organic chemistry at Caltech. ‘The commercial opportunity we had with the technology drew me into the private sector,’ he says.`,
    executives: [{ name: 'Anton Toutov', title: /chief science|founder/i }],
    mustNot: ['Brian Cathers'],
  },
  {
    company: 'Northwest Biotherapeutics',
    url: 'https://www.ddw-online.com/international-womens-day-female-life-science-leaders-22383-202303/',
    title: 'International Women’s Day: Female life science leaders',
    publishedDate: '2023-03-08',
    text: `We take a closer look at ten women leaders making waves in the life sciences.

Linda Powers, CEO, Northwest Biotherapeutics

Powers has been Chairman of NW Bio since 2007 and CEO since 2011. She has more than 15 years of experience in corporate finance, restructurings, mergers and acquisitions and licensing. Powers also sits on several boards and commissions, including M2GEN (an affiliate of Moffitt Cancer Center) and the Maryland Stem Cell Research Commission.`,
    executives: [{ name: 'Linda Powers', title: /ceo|chairman/i }],
    mustNot: [],
  },
  {
    company: 'Y Combinator',
    url: 'https://mixergy.com/?p=7100',
    title: 'Mixergy interview with Jessica Livingston',
    publishedDate: null,
    text: `Andrew: Hey everyone, it's Andrew Warner, founder of Mixergy.com, home of the ambitious upstart. Today I'm joined by Jessica Livingston, a founding partner of Y Combinator, the seed firm that has helped launch more than 200 startups, and the author of “Founders at Work”.
When I interviewed your co-founder at Y Combinator, Paul Graham, he called you the “social radar.” He said you know whom to invest in.`,
    executives: [{ name: 'Jessica Livingston', title: /founding partner|founder/i }],
    optional: ['Paul Graham'],
    mustNot: ['Andrew Warner'],
  },
  {
    company: '3D Systems',
    url: 'https://3druck.com/industrie/3d-systems-interims-finanzchef-nach-abgang-von-cfo-59122111/amp/',
    title: '3D Systems: Interims-Finanzchef nach Abgang von CFO',
    publishedDate: null,
    text: `Beim 3D-Druckerhersteller 3D Systems gibt es einen Wechsel im Management. Der bisherige Finanzvorstand Michael Turner verlässt das Unternehmen. Seine Aufgaben übernimmt vorübergehend Andrew Johnson.
Wie 3D Systems mitteilte, scheidet Turner zum 15. Oktober aus, um eine neue Aufgabe anzunehmen. Johnson, der bereits als Executive Vice President im Unternehmen tätig ist, soll dann interimistisch die Position des CFO übernehmen.
Konzernchef Jeffrey Graves dankte Turner für seine Arbeit und lobte die Qualifikation von Johnson.`,
    executives: [
      { name: 'Andrew Johnson', title: /cfo|executive vice president/i },
      { name: 'Jeffrey Graves', title: /ceo|chef|chief executive/i },
    ],
    mustNot: ['Michael Turner'],
  },
  {
    company: 'Vince Holding',
    url: 'https://fashionunited.nl/nieuws/mensen/financiele-topman-vince-holding-vertrekt/2025031364048',
    title: 'Financiële topman Vince Holding vertrekt',
    publishedDate: '2025-03-13',
    text: `Het Amerikaanse kledingconcern Vince Holding Corp. moet een sleutelfunctie opnieuw invullen. Woensdag maakte het bedrijf bekend dat Chief Financial Officer (CFO) John Szczepanski op 28 maart vertrekt.
Na het vertrek van Szczepanski zal Yuji Okumura, die in 2018 bij het bedrijf begon als Director of Financial Reporting en nu Vice President, Controller is, de financiële afdeling tijdelijk leiden als interim-CFO.
CEO Brendan Hoffman lichtte de beslissing toe in een verklaring.`,
    executives: [
      { name: 'Yuji Okumura', title: /cfo|vice president|controller/i },
      { name: 'Brendan Hoffman', title: /ceo/i },
    ],
    mustNot: ['John Szczepanski'],
  },
  {
    company: 'Apple',
    url: 'https://de.jablickar.cz/peter-oppenheimer-v-zari-odejde-do-duchodu-financnim-reditelem-bude-luca-maestri/',
    title: 'Peter Oppenheimer geht in den Ruhestand, Luca Maestri wird CFO',
    publishedDate: null,
    text: `Apple bekommt ab Oktober einen neuen CFO. Das kalifornische Unternehmen gab heute bekannt, dass sein Senior Vice President und CFO Peter Oppenheimer Ende September in den Ruhestand gehen wird. Seine Aufgaben übernimmt Luca Maestri, derzeit Vizepräsident für Finanzen, der direkt an Tim Cook berichten wird.
„Seine Beiträge in der Rolle unseres CFO setzen neue Maßstäbe“, sagte CEO Tim Cook in einer Pressemitteilung.`,
    executives: [
      { name: 'Luca Maestri', title: /cfo|finanz|vizepr/i },
      { name: 'Tim Cook', title: /ceo/i },
    ],
    mustNot: ['Peter Oppenheimer'],
  },
  {
    company: 'Vale',
    url: 'https://br.investing.com/news/stock-market-news/vale-nomeia-novo-ceo-antes-do-previsto-para-conter-especulacoes-93CH-1325055',
    title: 'Vale nomeia novo CEO antes do previsto para conter especulações',
    publishedDate: null,
    text: `Para frear especulações do mercado, o conselho de administração da Vale anunciou Gustavo Pimenta como o novo diretor executivo da empresa no início desta semana, bem antes do cronograma inicial da mineradora.
O presidente do conselho, Daniel Stieler, disse na sede da Vale no Rio de Janeiro que uma decisão antecipada sobre o CEO seria melhor para a empresa.
Gustavo Pimenta, que hoje atua como diretor financeiro da Vale, em breve assumirá seu novo papel como CEO.`,
    executives: [
      { name: 'Gustavo Pimenta', title: /ceo|diretor executivo|diretor financeiro/i },
      { name: 'Daniel Stieler', title: /presidente do conselho|chair/i },
    ],
    mustNot: [],
  },
  {
    company: 'Petrobras',
    url: 'https://portalamazonasdigital.com/petrobras-nomeia-fernando-borges-como-presidente-interino',
    title: 'Petrobras nomeia Fernando Borges como presidente interino',
    publishedDate: '2024-11-22',
    text: `A Petrobras informou hoje que o presidente do Conselho de Administração da estatal nomeou como presidente interino da companhia o diretor executivo de exploração e produção, Fernando Borges, até a eleição e posse do novo presidente.
Mais cedo, José Mauro Coelho pediu demissão do cargo de presidente da empresa e renunciou ao cargo de membro do Conselho de Administração da Petrobras.
Em maio, o governo anunciou que José Mauro Coelho seria substituído por Caio Mário Paes de Andrade.`,
    executives: [{ name: 'Fernando Borges', title: /presidente|diretor executivo/i }],
    optional: ['Caio Mário Paes de Andrade'],
    mustNot: ['José Mauro Coelho'],
  },
  {
    company: 'Equifax',
    url: 'https://www.investopedia.com/terms/i/interim-ceo.asp',
    title: 'Interim CEO',
    publishedDate: null,
    text: `A recent example of an interim CEO taking charge came after Equifax's large data breach in September 2017. Richard Smith, Equifax's CEO who stepped down in September 2017 after criticism of how he handled a large cyber attack, was replaced by Paulino do Rego Barros Jr., who at once apologised for the breach and set out ways to help those affected.`,
    executives: [{ name: 'Paulino do Rego Barros Jr.', title: /ceo|chief executive/i }],
    mustNot: ['Richard Smith'],
  },
];

/** Every fourth probe, chosen before the first run, is held out of tuning. */
export const EXECUTIVE_PROBES: ExecutiveProbe[] = probes.map((probe, i) => ({
  ...probe,
  split: i % 4 === 3 ? 'holdout' : 'tune',
}));
