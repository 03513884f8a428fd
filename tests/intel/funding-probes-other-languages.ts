import { round, type FundingProbe } from './probes/funding-probe-runner';

/**
 * Funding passages in Spanish, Portuguese, French and Italian from real public pages about companies outside the
 * evaluation set, reworded (facts and the sentence shapes that carry them kept), with the rounds a careful reader
 * takes from each: nothing for a rumour, a negotiation, a valuation, a running total or money in the secondary
 * market. `holdout` probes (the 2nd of every four, chosen by position before the first run) are never tuned on.
 */
export const PROBES: FundingProbe[] = [
  {
    // https://cincodias.elpais.com/companias/2024-10-23/submer-quiere-ser-el-proximo-unicornio-espanol-la-deeptech-se-valoro-en-250-millones-en-su-ultimo-prestamo-convertible.html
    id: 'submer',
    company: 'Submer',
    aliases: ['Submer Technologies'],
    date: '2024-10-23',
    text: `Submer aspira a ser el siguiente unicornio español; la deeptech fue valorada en 250 millones en su último préstamo convertible
La compañía, centrada en ahorrar energía y agua en los centros de datos, acaba de cerrar una ronda de 50 millones
A comienzos de octubre, la empresa, con sede en Barcelona, cerró una ronda de financiación de 50 millones de euros, una de las más grandes del año en España, liderada por el grupo inversor británico M&G, y que contó con la participación de accionistas previos de la startup como el fondo español Mundi Ventures, Planet First Partners y Norrsken VC.
El anuncio de la operación no mencionó la valoración de la empresa. En noviembre del año pasado se fijó una valoración de 250 millones de euros.`,
    rounds: [
      round(null, 50_000_000, 'EUR', '2024-10', ['M&G'], ['Mundi Ventures', 'Planet First Partners', 'Norrsken VC']),
    ],
  },
  {
    // https://elespanol.com/invertia/empresas/20170202/190731077_0.html
    id: 'scytl',
    company: 'Scytl',
    aliases: [],
    date: '2017-02-02',
    holdout: true,
    text: `La tecnológica Scytl cierra una ronda de financiación de 12 millones de euros
Participan todos sus inversores actuales y servirá, según la empresa, para entrar en el voto electrónico del sector privado.
La tecnológica española Scytl, especializada en el voto electrónico, ha cerrado una ronda de financiación de 12 millones de euros. En esta operación han participado sus inversores actuales, entre los que figuran los españoles Nauta Capital, Spinnaker y el británico Balderton Capital. El objetivo, según la compañía, es crecer en el sector privado.
Esta ronda de financiación se suma a la de 104 millones de dólares (94 millones de euros al cambio de entonces) que cerró en el año 2014, con la que entraron inversores internacionales como Vy Capital, Industry Ventures, Vulcan Capital (del cofundador de Microsoft, Paul Allen) o SAP Ventures.
En aquel momento, la ampliación de capital valoró la compañía en 320 millones de dólares.`,
    rounds: [
      round(null, 12_000_000, 'EUR', '2017-02', [], ['Nauta Capital', 'Spinnaker', 'Balderton Capital']),
      round(
        null,
        104_000_000,
        'USD',
        '2014',
        [],
        ['Vy Capital', 'Industry Ventures', 'Vulcan Capital', 'SAP Ventures'],
      ),
    ],
  },
  {
    // http://3.127.128.221/2025/04/29/la-empresa-brasilena-de-2 (Reuters, in Spanish)
    id: 'mombak',
    company: 'Mombak',
    aliases: [],
    date: '2025-04-29',
    text: `La brasileña de reforestación Mombak capta 30 millones de dólares en una ronda liderada por USV
SAO PAULO, 29 abr (Reuters) – La compañía brasileña de reforestación Mombak obtuvo 30 millones de dólares en una ronda de financiación liderada por la firma de capital riesgo Union Square Ventures (USV), informó el martes, otra muestra del interés creciente de los inversores por la eliminación de carbono en Brasil.
En esta última ronda de la Serie A también participaron los inversores existentes Kaszek, Bain Capital y AXA IM Alts, controlada por AXA, dijo Mombak, además de los nuevos inversores Lowercarbon Capital y Copa Investimentos.
La empresa ya ha plantado 5 millones de árboles nativos en 45.000 acres gestionados.`,
    rounds: [
      round(
        'Series A',
        30_000_000,
        'USD',
        '2025-04',
        ['Union Square Ventures'],
        ['Kaszek', 'Bain Capital', 'AXA IM Alts', 'Lowercarbon Capital', 'Copa Investimentos'],
      ),
    ],
  },
  {
    // http://www.lanacion.com.py/2016/07/26/goldman-encabeza-una-ronda-de-financiamiento-por-10-millones-de-dolares-para-cargox-de-brasil
    id: 'cargox',
    company: 'CargoX',
    aliases: [],
    date: '2016-07-26',
    text: `Goldman encabeza una ronda de financiamiento de 10 millones de dólares para la brasileña CargoX
RÍO DE JANEIRO – Goldman Sachs dirigió una nueva ronda de financiamiento de 10 millones de dólares en la joven empresa brasileña CargoX, anunciaron ambas compañías el 20 de julio.
Los primeros inversionistas de CargoX –el grupo Valor Capital, Óscar Salazar, uno de los fundadores de Uber, y Hans Hickler, ex director general de DHL Express EUA, entre otros– también participaron en la ronda, que se cerró el mes pasado.
El dinero viene de Goldman Sachs Private Capital, un grupo de la división de situaciones especiales del banco. Hillel Moerman, uno de sus jefes, entrará en la junta directiva de CargoX.`,
    rounds: [
      round(null, 10_000_000, 'USD', '2016', ['Goldman Sachs'], ['Valor Capital', 'Óscar Salazar', 'Hans Hickler']),
    ],
  },
  {
    // https://www.ecotechers.com/p/mas-polvora-4founders-fondo-ico-rondas-prophero-imperia-
    id: 'imperia',
    company: 'Imperia',
    aliases: [],
    date: null,
    text: `Más pólvora
4Founders Capital prepara su fondo de €65M y el ICO anuncia otros €200M. Prophero e Imperia cierran rondas.
Los inversores españoles siguen armándose. A los cuatro fondos anunciados la semana pasada se une 4Founders con el suyo de 65 millones.
💶 Las operaciones
La 'proptech' Prophero, entre España y Australia, levanta €16M con el fondo australiano Bailador.
El SaaS para gestionar la cadena de suministro Imperia reúne €10M. Colideran Hubert Burda Media y el fondo español Samaipata
RepScan suma €3M con Swanlaab, Bonsai y los Serra (Fluidra).
Zymvol (software para diseñar enzimas) levanta €3M con Faber Venture, Elaia Partner y Übermorgen Ventures.`,
    rounds: [round(null, 10_000_000, 'EUR', null, ['Hubert Burda Media', 'Samaipata'])],
  },
  {
    // https://hipertextual.com/2018/07/mas-dinero-glovo-115-millones-euros-crecer-europa-asia
    id: 'glovo',
    company: 'Glovo',
    aliases: [],
    date: null,
    holdout: true,
    text: `Se esperaba para esta semana, pero se ha adelantado unas horas. También se esperaba una ronda de unos 100 millones de euros, pero la cifra ha subido hasta los 115 millones de euros. Glovo ha cerrado su sexta ronda de financiación Serie C para afianzarse en Europa, Oriente Medio y África. Con esta, suma 6 rondas de financiación que llegan a unos 155 millones de euros.
Está siendo un comienzo de verano muy activo: los 17 millones de dólares de 21 Buttons, los 20 millones de Fever o una posible compra de Cabify por 3.000 millones.
En la aportación de los 115 millones de euros han estado los fondos que ya apoyaron a Glovo en sus rondas previas. Rakuten, el inversor japonés de Cabify, ha renovado su apuesta. Seaya Ventures también ha vuelto a aportar capital en la compañía.`,
    rounds: [round('Series C', 115_000_000, 'EUR', null, [], ['Rakuten', 'Seaya Ventures'])],
  },
  {
    // https://www.canarias7.es/economia/mercados/brazo-inversor-juan-20211214122639-ntrc.html
    id: 'criptan',
    company: 'Criptan',
    aliases: [],
    date: '2021-12-14',
    text: `El brazo inversor de Juan Roig entra en las criptomonedas
La plataforma Criptan cierra una ronda de financiación de 3,5 millones de euros en la que también participan Ángel Corcóstegui y José María Castellano
La plataforma española Criptan ha levantado 3,5 millones de euros en su última ronda de financiación, en la que ha obtenido el respaldo de figuras como Juan Roig, presidente de Mercadona, que ha invertido a través de su brazo inversor.
También lo ha hecho a través de su family office Ángel Corcóstegui, ex consejero delegado de Banco Santander, y José María Castellano, ex vicepresidente de Inditex.
También han participado en esta ronda de financiación los fundadores de Team Heretics, así como el fondo Draper B1.`,
    rounds: [
      round(
        null,
        3_500_000,
        'EUR',
        '2021-12',
        [],
        ['Juan Roig', 'Ángel Corcóstegui', 'José María Castellano', 'Draper B1'],
      ),
    ],
  },
  {
    // http://quepasa.cl/articulo/ojos-de-la-llave/2012/06/17-8786-9-los-ultimos-pasos-de-casares.shtml
    id: 'lemon',
    company: 'Lemon',
    aliases: [],
    date: '2012-06-17',
    text: `Desde octubre, el argentino Wenceslao Casares pule los últimos detalles de su nuevo proyecto: la aplicación móvil Lemon, con la que quiere "bancarizar" el mundo digital. Esta semana, las cosas llegaron a puerto: creada como billetera electrónica, Casares logró inyectar, hace tres días, US$ 8 millones de capital fresco a su nueva apuesta. Esto, a través de la entrada de socios, que permitirán a Lemon seguir mejorando su proyecto. Entre los nuevos socios está el fondo Maveron, ligado al cofundador de Starbucks, Howard Schultz. Hasta la fecha Lemon tiene 1,6 millones de usuarios en más de 200 países.`,
    rounds: [round(null, 8_000_000, 'USD', '2012-06', [], ['Maveron'])],
  },
  {
    // https://link.estadao.com.br/noticias/inovacao,rappi-levanta-mais-de-us-300-mi-em-investimento,70003452403.amp
    id: 'rappi',
    company: 'Rappi',
    aliases: [],
    date: '2020-09-25',
    text: `Rappi levanta mais de US$ 300 mi em investimento
A rodada inclui fundos e contas assessorados pela gestora americana T. Rowe Price Associates
A startup colombiana de delivery Rappi confirmou ao Estadão nesta sexta-feira, 25, que recebeu uma nova rodada de aportes de mais de US$ 300 milhões. Em comunicado enviado à reportagem, a empresa afirma que a rodada foi liderada pela gestora americana T. Rowe Price.
Segundo fontes do mercado, a rodada avalia a Rappi em torno de US$ 3,5 bilhões – em 2018, ao receber um aporte de US$ 1 bilhão liderado pelo SoftBank, a colombiana valia cerca de US$ 2,5 bilhões.`,
    rounds: [
      round(null, 300_000_000, 'USD', '2020-09', ['T. Rowe Price']),
      round(null, 1_000_000_000, 'USD', '2018', ['SoftBank']),
    ],
  },
  {
    // https://exame.com/pme/este-empreendedor-quer-montar-o-super-app-dos-servicos-publicos/
    id: 'colab',
    company: 'Colab',
    aliases: [],
    date: null,
    holdout: true,
    text: `A startup paulistana Colab, dona de um aplicativo em que cidadãos relatam problemas urbanos como buracos de rua às prefeituras, recebeu nesta semana um aporte de R$ 3 milhões.
Por trás do investimento estão fundos dedicados a negócios de impacto social, como o Omidyar, do fundador do eBay, o francês Pierre Omidyar. Além disso, entraram a EDP Ventures, ligada à distribuidora de energia elétrica, e o KPTL, criado em 2019 da fusão de dois fundos de venture capital: o paulistano A5 Partners e o mineiro Inseed.
O aporte deve ampliar a operação do Colab.`,
    rounds: [round(null, 3_000_000, 'BRL', null, [], ['Omidyar', 'EDP Ventures', 'KPTL'])],
  },
  {
    // https://revistapegn.globo.com/Startups/noticia/2020/07/app-que-conecta-moradores-administracoes-publicas-recebe-mais-de-r-3-milhoes.html
    id: 'colab-history',
    company: 'Colab',
    aliases: [],
    date: null,
    text: `O Colab recebeu mais de R$ 3 milhões para expandir sua proposta. A rodada foi divulgada com exclusividade para Pequenas Empresas & Grandes Negócios.
O Colab foi lançado em março de 2013 pelos empreendedores Gustavo Maia e Paulo Pandolfi.
O aplicativo começou a ser desenvolvido em 2012. No ano seguinte, um aporte semente de R$ 500 mil do fundo KPTL ajudou a criar o Colab. Em 2016, o Colab recebeu mais US$ 1,25 milhão dos fundos Media Development Investment Fund e Omidyar Network.`,
    rounds: [
      round(null, 3_000_000, 'BRL', null, []),
      round('Seed', 500_000, 'BRL', '2013', [], ['KPTL']),
      round(null, 1_250_000, 'USD', '2016', [], ['Media Development Investment Fund', 'Omidyar Network']),
    ],
  },
  {
    // https://veja.abril.com.br/economia/negocio-da-china/
    id: 'nubank',
    company: 'Nubank',
    aliases: [],
    date: null,
    text: `Com 5 milhões de clientes de cartão de crédito e 2,5 milhões de correntistas, o banco on-line Nubank já podia considerar 2018 um ano de sucesso. Mas, graças a um investimento de 90 milhões de dólares feito pela gigante chinesa Tencent, oficializado na terça-feira 9, a empresa agora está avaliada em 4 bilhões de dólares. A Tencent aplicou outros 90 milhões no mercado secundário, ou seja, comprou papéis de acionistas que apostaram nos primeiros estágios da startup. No total, o banco digital já captou mais de 420 milhões de dólares em sete rodadas de investimento desde sua fundação, em 2013.`,
    rounds: [round(null, 90_000_000, 'USD', null, [], ['Tencent'])],
  },
  {
    // https://exame.abril.com.br/pme/voce-daria-r-2-bi-a-uma-startup-que-vende-legumes-pois-isso-aconteceu/
    id: 'meicai',
    company: 'Meicai',
    aliases: [],
    date: null,
    text: `A Meicai, startup chinesa que ajuda produtores a vender vegetais a restaurantes, levantou pelo menos US$ 600 milhões em rodada de financiamento liderada por Hillhouse Capital e Tiger Global Management, disseram pessoas familiarizadas com o assunto.
Segundo uma pessoa a par do assunto, a empresa levantou cerca de US$ 800 milhões a uma avaliação de cerca de US$ 7 bilhões. Antes do investimento, a Meicai teria sido avaliada em cerca de US$ 2,8 bilhões na rodada anterior, em janeiro.
Uma porta-voz da Meicai preferiu não comentar a captação de recursos.
O Full Truck Alliance, maior aplicativo de fretes do país, levantou US$ 1,9 bilhão em abril.`,
    rounds: [],
  },
  {
    // https://www.estadao.com.br/link/inovacao/dona-da-daki-negocia-primeiro-investimento-apos-abandonar-operacao-nos-eua/
    id: 'jokr',
    company: 'Jokr',
    aliases: [],
    date: null,
    holdout: true,
    text: `A Jokr, empresa americana dona da Daki, de delivery de supermercado, está de olho em uma rodada de investimento depois de encerrar sua divisão nos Estados Unidos, afirmou o site The Information. O aporte deve elevar o valor da empresa para US$ 1,3 bilhão. O cheque deve ficar por volta de US$ 50 milhões.
De acordo com o site, a Jokr confirmou que a rodada está em negociação, mas não disse qual valor deve ser investido. O aporte deve ser liderado pelos fundos G Squared e GGV Capital, com participação de nomes como Tiger Global e Activant Capital.`,
    rounds: [],
  },
  {
    // https://www.journaldunet.com/web-tech/start-up/1522847-les-start-up-francaises-levent-727-millions-d-euros-en-avril/
    id: 'ynsect',
    company: 'Ÿnsect',
    aliases: ['Ynsect'],
    date: null,
    text: `Les start-up françaises lèvent 727 millions d'euros en avril
Portées par deux gros tours de table, dont celui de 160 millions d'euros bouclé par Ÿnsect, les jeunes pousses récoltent 58 millions de plus qu'en mars.
Sans surprise, c'est Ÿnsect, spécialiste de l'élevage d'insectes, qui récolte le plus de fonds en avril 2023 en France en bouclant un tour de table de 160 millions d'euros auprès d'UpFront Ventures et de la Bpifrance. La jeune pousse annonce dans le même temps un plan de restructuration. En récoltant 90 millions d'euros pour commercialiser son processeur, SiPearl signe la deuxième plus grosse opération du mois.`,
    rounds: [round(null, 160_000_000, 'EUR', '2023-04', [], ['UpFront Ventures', 'Bpifrance'])],
  },
  {
    // https://www.maddyness.com/2018/04/20/maddymoney-14-20-avril/
    id: 'limflow',
    company: 'LimFlow',
    aliases: ['Limflow'],
    date: '2018-04-20',
    text: `Pour la quatrième fois cette année, le total hebdomadaire des levées de fonds dépasse les 100 millions d'euros.
C'est sans conteste Scality et son tour de table de 60 millions de dollars (48,5 millions d'euros) qui arrivent en tête du palmarès de la semaine.
Derrière, Limflow prend la deuxième place avec une opération à 27 millions d'euros, bouclée auprès de Sofinnova Partners, Bpifrance et Balestier. Ce tour de table doit permettre à la medtech d'obtenir l'approbation de la FDA américaine.
Enfin, LaFinBox complète le podium, avec l'investissement de 10 millions d'euros réalisé par son partenaire Swisslife.`,
    rounds: [round(null, 27_000_000, 'EUR', '2018-04', [], ['Sofinnova Partners', 'Bpifrance', 'Balestier'])],
  },
  {
    // https://www.maddyness.com/2018/10/19/maddymoney-19-octobre/
    id: 'metron',
    company: 'Metron',
    aliases: [],
    date: '2018-10-19',
    text: `Les startups françaises ont levé 53,55 millions d'euros cette semaine, en 14 investissements.
La startup Cooptalis signe de loin la levée la plus importante de la semaine avec 20 millions d'euros rassemblés auprès d'Idinvest Partners, Entrepreneur Venture, CM-CIC Investissement, Finorpa et l'IRD.
Syntony arrive juste derrière avec une opération de 15 millions d'euros.
Enfin, Metron complète le podium avec une levée de 8 millions d'euros, réalisée auprès de BNP Paribas, Financière Fonds Privés et Breed Reply. Une opération qui porte à 12 millions d'euros les fonds levés par Metron en cinq ans et qui lui permettra d'accélérer à l'international.`,
    rounds: [round(null, 8_000_000, 'EUR', '2018-10', [], ['BNP Paribas', 'Financière Fonds Privés', 'Breed Reply'])],
  },
  {
    // https://moneynewsbytsarina.com/new-space-dark-se-rearme-aupres-dun-fonds-americain
    id: 'dark',
    company: 'Dark',
    aliases: [],
    date: null,
    holdout: true,
    text: `New Space : Dark se réarme auprès d'un fonds américain
Les start-up et investisseurs américains ont une belle avance dans le « New Space ». Mieux vaut, pour les jeunes pousses européennes, nouer vite des liens de l'autre côté de l'Atlantique.
C'est ce que vient de faire Dark. La société française spécialisée dans la défense orbitale a réalisé une extension de sa levée de fonds d'amorçage, en faisant entrer le fonds Long Journey à son capital. L'opération, d'un montant de six millions de dollars, a été menée par Arielle Zuckerberg, la soeur du patron de Meta. Au total, le tour de table s'élève à 11 millions de dollars.`,
    rounds: [round('Seed extension', 6_000_000, 'USD', null, ['Long Journey'])],
  },
  {
    // https://www.maddyness.com/2020/09/18/62-millions-maddymoney-18-septembre/
    id: 'yooji',
    company: 'Yooji',
    aliases: [],
    date: '2020-09-18',
    text: `Les startups françaises ont levé 62,2 millions d'euros cette semaine selon les estimations de Maddyness.
Avec 9,3 millions levés, Antaios prend la première place du classement. La DeepTech a bouclé son premier tour de table grâce au soutien d'Innovacom, Applied Materials, Bpifrance et Sofimac.
Yooji a, de son côté, levé 7,5 millions d'euros. La Foodtech a pu compter sur Danone Manifesto Ventures, Capagro, Caravelle, Pymwymic et DS Participation pour boucler ce nouveau tour de table.
En troisième position vient ImCheck Therapeutics, avec une levée de 6 millions d'euros. La biotech, qui prolongeait une série B lancée en décembre 2019, a reçu l'appui de BB Pureos Bioventures.`,
    rounds: [
      round(
        null,
        7_500_000,
        'EUR',
        '2020-09',
        [],
        ['Danone Manifesto Ventures', 'Capagro', 'Caravelle', 'Pymwymic', 'DS Participation'],
      ),
    ],
  },
  {
    // https://www.backtowork24.com/news/news-dall-ecosistema-startup-e-innovazione-20-26-febbraio
    id: 'foolfarm',
    company: 'FoolFarm',
    aliases: [],
    date: '2021-02-26',
    text: `Sul fronte degli investimenti la settimana tra il 20 e il 26 febbraio non è stata particolarmente brillante.
Helbiz Italia, filiale locale della società americana che ha annunciato la fusione con la SPAC GreenVision Acquisition, ha annunciato un finanziamento da 3,5 milioni di euro da parte di Banca Progetto, contro-garantito dal Mediocredito Centrale.
FoolFarm, startup studio specializzato nell'intelligenza artificiale fondato nel 2020 da Andrea Cinelli, ha annunciato la chiusura di un round da 2 milioni di euro. Lead investor dell'operazione è CRIF, che ha affiancato oltre 30 investitori.`,
    rounds: [round(null, 2_000_000, 'EUR', '2021-02', ['CRIF'])],
  },
  {
    // https://www.ilsole24ore.com/art/aumento-capitale-73-milioni-startupitalia-nuovi-investitori-AEyLK0F
    id: 'startupitalia',
    company: 'StartupItalia',
    aliases: [],
    date: null,
    text: `Ci sono alcuni dei principali protagonisti dell'innovazione italiana nell'aumento di capitale da 7,3 milioni di euro deliberato a fine aprile da StartupItalia, il polo nato nel 2015.
L'operazione riflette la natura pubblico-privata del progetto: il lead investor è Cdp Venture Capital Sgr, il fondo di Cassa Depositi e Prestiti, che partecipa con tre milioni di euro, mentre gli altri sottoscrittori sono Fondazione di Sardegna (con 500mila euro di investimento), P101 Sgr e Primo Ventures, che hanno investito 250mila euro ciascuno. La quota residua di 3,3 milioni di euro potrà essere sottoscritta dagli attuali soci fino al 30 ottobre 2021.`,
    rounds: [
      round(
        null,
        7_300_000,
        'EUR',
        null,
        ['Cdp Venture Capital'],
        ['Fondazione di Sardegna', 'P101', 'Primo Ventures'],
      ),
    ],
  },
  {
    // https://www.ilsole24ore.com/art/tecnologie/2017-12-19/greenrail-e-startup-italiana-anno-secondo-startupitalia-092245.shtml?uuid=AE9cbGUD
    id: 'genenta',
    company: 'Genenta Science',
    aliases: ['Genenta'],
    date: '2017-12-19',
    holdout: true,
    text: `È Greenrail, startup fondata nel 2012 da Giovanni Maria De Lisi, la vincitrice del titolo di startup dell'anno. Tra le finaliste c'è Cloud4wi, che ha chiuso un round B da 11,5 milioni di dollari. Fa parte delle finaliste anche Genenta Science, che sviluppa una terapia genica basata sulle cellule staminali del sangue per il trattamento dei tumori.
Lo scorso settembre l'impresa fondata da Pierluigi Paracchi ha chiuso un nuovo round, da 7 milioni di euro.`,
    rounds: [round(null, 7_000_000, 'EUR', '2017-09', [])],
  },
  {
    // https://www.ilsole24ore.com/art/tecnologie/2017-12-19/greenrail-e-startup-italiana-anno-secondo-startupitalia-092245.shtml?uuid=AE9cbGUD
    id: 'cloud4wi',
    company: 'Cloud4wi',
    aliases: [],
    date: '2017-12-19',
    text: `È Greenrail, startup fondata nel 2012 da Giovanni Maria De Lisi, la vincitrice del titolo di startup dell'anno. Tra le finaliste c'è Cloud4wi, che ha chiuso un round B da 11,5 milioni di dollari per aver ideato un modo per i negozi di monetizzare il wifi offerto ai clienti. Fa parte delle finaliste anche Genenta Science.`,
    rounds: [round('Series B', 11_500_000, 'USD', null, [])],
  },
];
