/**
 * The CPV 2008 codes that UK procurement law names for light touch services and reserved
 * contracts, with their English descriptions, shipped as data (not typed in by the secretary).
 *
 * What this is: a transcription of the codes and descriptions of the Common Procurement Vocabulary
 * (CPV 2008: Regulation (EC) No 2195/2002 as amended by Commission Regulation (EC) No 213/2008,
 * Annex I, main vocabulary, English version) for every code named in, or falling within a range
 * ("from X to Y") named in:
 * - the Public Contracts Regulations 2015 (SI 2015/102) Schedule 3 (light touch services) and
 *   regulation 77 (reserved contracts for certain services), see cpv-lists.ts;
 * - hence the list on which the Procurement Regulations 2024 (SI 2024/692) Schedule 1 Table 1 is
 *   taken to be based in this build (see the caveat in cpv-lists.ts: that Table was not read).
 *
 * What it is not: the whole vocabulary (about 9,454 codes). A code outside these lists is not in
 * this file, so lookupCpv() cannot give its description and checkCpv() reports it as unknown
 * rather than as not existing. A complete CPV 2008 list in the same two-column form can replace
 * CPV_ROWS without any other change (cpv.ts builds its index from whatever rows are here).
 *
 * Each row was typed from the statutory lists and then proofread against two independent public
 * transcriptions of the CPV 2008 English text (retrieved 1 December 2026; codes and wording
 * against both, check digits against the one that carries them): all 423 codes and check digits
 * agreed, 27 descriptions were corrected to the official wording ("Homedelivery of provisions"
 * and "Teleprogrammation" are the Regulation's own spelling, kept as written). No range in the
 * lists has a code missing.
 */
export const CPV_DATA_SOURCE = {
  vocabulary: 'CPV 2008: Regulation (EC) No 2195/2002 as amended by Regulation (EC) No 213/2008, Annex I (main vocabulary), English text',
  coverage: 'The codes named in, or within a range named in, PCR 2015 Schedule 3 and regulation 77 (SI 2015/102): 423 codes, not the full vocabulary',
  law: 'Procurement Act 2023 s9 and s33(7)-(8); Procurement Regulations 2024 (SI 2024/692) reg 42 and Schedule 1 (as made); Public Contracts Regulations 2015 (SI 2015/102) Schedule 3 and reg 77',
  retrievedOn: '2026-12-01',
} as const;

/** One code a line: the code with its check digit, a tab, the official English description. */
export const CPV_ROWS = `50116510-9	Tyre-remoulding services
55100000-1	Hotel services
55110000-4	Hotel accommodation services
55120000-7	Hotel meeting and conference services
55130000-0	Other hotel services
55200000-2	Camping sites and other non-hotel accommodation
55210000-5	Youth hostel services
55220000-8	Camping-site services
55221000-5	Caravan-site services
55240000-4	Holiday centre and holiday home services
55241000-1	Holiday centre services
55242000-8	Holiday home services
55243000-5	Children's holiday-camp services
55250000-7	Letting services of short-stay furnished accommodation
55260000-0	Sleeping-car services
55270000-3	Services provided by bed and breakfast establishments
55300000-3	Restaurant and food-serving services
55310000-6	Restaurant waiter services
55311000-3	Restricted-clientele restaurant waiter services
55312000-0	Unrestricted-clientele restaurant waiter services
55320000-9	Meal-serving services
55321000-6	Meal-preparation services
55322000-3	Meal-cooking services
55330000-2	Cafeteria services
55400000-4	Beverage-serving services
55410000-7	Bar management services
55510000-8	Canteen services
55511000-5	Canteen and other restricted-clientele cafeteria services
55512000-2	Canteen management services
55520000-1	Catering services
55521000-8	Catering services for private households
55521100-9	Meals-on-wheels services
55521200-0	Meal delivery service
55522000-5	Catering services for transport enterprises
55523000-2	Catering services for other enterprises or other institutions
55523100-3	School-meal services
55524000-9	School catering services
64000000-6	Postal and telecommunications services
64100000-7	Post and courier services
64110000-0	Postal services
64111000-7	Postal services related to newspapers and periodicals
64112000-4	Postal services related to letters
64113000-1	Postal services related to parcels
64114000-8	Post office counter services
64115000-5	Mailbox rental
64116000-2	Post-restante services
64122000-7	Internal office mail and messenger services
71550000-8	Blacksmith services
75000000-6	Administration, defence and social security services
75100000-7	Administration services
75110000-0	General public services
75111000-7	Executive and legislative services
75111100-8	Executive services
75111200-9	Legislative services
75112000-4	Administrative services for business operations
75112100-5	Administrative development project services
75120000-3	Administrative services of agencies
75121000-0	Administrative educational services
75122000-7	Administrative healthcare services
75123000-4	Administrative housing services
75124000-1	Administrative recreational, cultural and religious services
75125000-8	Administrative services related to tourism affairs
75130000-6	Supporting services for the government
75131000-3	Government services
75200000-8	Provision of services to the community
75210000-1	Foreign affairs and other services
75211000-8	Foreign-affairs services
75211100-9	Diplomatic services
75211110-2	Consular services
75211200-0	Foreign economic-aid-related services
75211300-1	Foreign military-aid-related services
75220000-4	Defence services
75221000-1	Military defence services
75222000-8	Civil defence services
75230000-7	Justice services
75231000-4	Judicial services
75231100-5	Law-courts-related administrative services
75231200-6	Services related to the detention or rehabilitation of criminals
75231210-9	Imprisonment services
75231220-2	Prisoner-escort services
75231230-5	Prison services
75231240-8	Probation services
75240000-0	Public security, law and order services
75241000-7	Public security services
75241100-8	Police services
75242000-4	Public law and order services
75242100-5	Public-order services
75242110-8	Bailiff services
75250000-3	Fire-brigade and rescue services
75251000-0	Fire-brigade services
75251100-1	Firefighting services
75251110-4	Fire-prevention services
75251120-7	Forest-firefighting services
75252000-7	Rescue services
75300000-9	Compulsory social security services
75310000-2	Benefit services
75311000-9	Sickness benefits
75312000-6	Maternity benefits
75313000-3	Disability benefits
75313100-4	Temporary disablement benefits
75314000-0	Unemployment compensation benefits
75320000-5	Government employee pension schemes
75330000-8	Family allowances
75340000-1	Child allowances
79100000-5	Legal services
79110000-8	Legal advisory and representation services
79111000-5	Legal advisory services
79112000-2	Legal representation services
79112100-3	Stakeholders representation services
79120000-1	Patent and copyright consultancy services
79121000-8	Copyright consultancy services
79121100-9	Software copyright consultancy services
79130000-4	Legal documentation and certification services
79131000-1	Documentation services
79132000-8	Certification services
79132100-9	Electronic signature certification services
79140000-7	Legal advisory and information services
79430000-7	Crisis management services
79611000-0	Job search services
79622000-0	Supply services of domestic help personnel
79624000-4	Supply services of nursing personnel
79625000-1	Supply services of medical personnel
79700000-1	Investigation and security services
79710000-4	Security services
79711000-1	Alarm-monitoring services
79713000-5	Guard services
79714000-2	Surveillance services
79714100-3	Tracing system services
79714110-6	Absconder-tracing services
79715000-9	Patrol services
79716000-6	Identification badge release services
79720000-7	Investigation services
79721000-4	Detective agency services
79722000-1	Graphology services
79723000-8	Waste analysis services
79950000-8	Exhibition, fair and congress organisation services
79951000-5	Seminar organisation services
79952000-2	Event services
79952100-3	Cultural event organisation services
79953000-9	Festival organisation services
79954000-6	Party organisation services
79955000-3	Fashion shows organisation services
79956000-0	Fair and exhibition organisation services
79995000-5	Library management services
79995100-6	Archiving services
79995200-7	Cataloguing services
80000000-4	Education and training services
80100000-5	Primary education services
80110000-8	Pre-school education services
80200000-6	Secondary education services
80210000-9	Technical and vocational secondary education services
80211000-6	Technical secondary education services
80212000-3	Vocational secondary education services
80300000-7	Higher education services
80310000-0	Youth education services
80320000-3	Medical education services
80330000-6	Safety education services
80340000-9	Special education services
80400000-8	Adult and other education services
80410000-1	Various school services
80411000-8	Driving-school services
80411100-9	Driving-test services
80411200-0	Driving lessons
80412000-5	Flying-school services
80413000-2	Sailing-school services
80414000-9	Diving-school services
80415000-6	Ski-training services
80420000-4	E-learning services
80430000-7	Adult-education services at university level
80490000-5	Operation of an educational centre
80500000-9	Training services
80510000-2	Specialist training services
80511000-9	Staff training services
80512000-6	Dog training services
80513000-3	Horse riding school services
80520000-5	Training facilities
80521000-2	Training programme services
80522000-9	Training seminars
80530000-8	Vocational training services
80531000-5	Industrial and technical training services
80531100-6	Industrial training services
80531200-7	Technical training services
80532000-2	Management training services
80533000-9	Computer-user familiarisation and training services
80533100-0	Computer training services
80533200-1	Computer courses
80540000-1	Environmental training services
80550000-4	Safety training services
80560000-7	Health and first-aid training services
80561000-4	Health training services
80562000-1	First-aid training services
80570000-0	Personal development training services
80580000-3	Provision of language courses
80590000-6	Tutorial services
80600000-0	Training services in defence and security materials
80610000-3	Training and simulation in security equipment
80620000-6	Training and simulation in firearms and ammunition
80630000-9	Training and simulation in military vehicles
80640000-2	Training and simulation in warships
80650000-5	Training and simulation in aircrafts, missiles and spacecrafts
80660000-8	Training and simulation in military electronic systems
85000000-9	Health and social work services
85100000-0	Health services
85110000-3	Hospital and related services
85111000-0	Hospital services
85111100-1	Surgical hospital services
85111200-2	Medical hospital services
85111300-3	Gynaecological hospital services
85111310-6	In vitro fertilisation services
85111320-9	Obstetrical hospital services
85111400-4	Rehabilitation hospital services
85111500-5	Psychiatric hospital services
85111600-6	Orthotic services
85111700-7	Oxygen-therapy services
85111800-8	Pathology services
85111810-1	Blood analysis services
85111820-4	Bacteriological analysis services
85111900-9	Hospital dialysis services
85112000-7	Hospital support services
85112100-8	Hospital-bedding services
85112200-9	Outpatient care services
85120000-6	Medical practice and related services
85121000-3	Medical practice services
85121100-4	General-practitioner services
85121200-5	Medical specialist services
85121210-8	Gyneacologic or obstetric services
85121220-1	Nephrology or nervous system specialist services
85121230-4	Cardiology services or pulmonary specialists services
85121231-1	Cardiology services
85121232-8	Pulmonary specialists services
85121240-7	ENT or audiologist services
85121250-0	Gastroenterologist and geriatric services
85121251-7	Gastroenterologist services
85121252-4	Geriatric services
85121270-6	Psychiatrist or psychologist services
85121271-3	Home for the psychologically disturbed services
85121280-9	Ophthalmologist, dermatology or orthopedics services
85121281-6	Ophthalmologist services
85121282-3	Dermatology services
85121283-0	Orthopaedic services
85121290-2	Paediatric or urologist services
85121291-9	Paediatric services
85121292-6	Urologist services
85121300-6	Surgical specialist services
85130000-9	Dental practice and related services
85131000-6	Dental-practice services
85131100-7	Orthodontic services
85131110-0	Orthodontic-surgery services
85140000-2	Miscellaneous health services
85141000-9	Services provided by medical personnel
85141100-0	Services provided by midwives
85141200-1	Services provided by nurses
85141210-4	Home medical treatment services
85141211-1	Dialysis home medical treatment services
85141220-7	Advisory services provided by nurses
85142000-6	Paramedical services
85142100-7	Physiotherapy services
85142200-8	Homeopathic services
85142300-9	Hygiene services
85142400-0	Home delivery of incontinence products
85143000-3	Ambulance services
85144000-0	Residential health facilities services
85144100-1	Residential nursing care services
85145000-7	Services provided by medical laboratories
85146000-4	Services provided by blood banks
85146100-5	Services provided by sperm banks
85146200-6	Services provided by transplant organ banks
85147000-1	Company health services
85148000-8	Medical analysis services
85149000-5	Pharmacy services
85150000-5	Medical imaging services
85160000-8	Optician services
85170000-1	Acupuncture and chiropractor services
85171000-8	Acupuncture services
85172000-5	Chiropractor services
85200000-1	Veterinary services
85210000-3	Domestic animal nurseries
85300000-2	Social work and related services
85310000-5	Social work services
85311000-2	Social work services with accommodation
85311100-3	Welfare services for the elderly
85311200-4	Welfare services for the handicapped
85311300-5	Welfare services for children and young people
85312000-9	Social work services without accommodation
85312100-0	Daycare services
85312110-3	Child daycare services
85312120-6	Daycare services for handicapped children and young people
85312200-1	Homedelivery of provisions
85312300-2	Guidance and counselling services
85312310-5	Guidance services
85312320-8	Counselling services
85312330-1	Family-planning services
85312400-3	Welfare services not delivered through residential institutions
85312500-4	Rehabilitation services
85312510-7	Vocational rehabilitation services
85320000-8	Social services
85321000-5	Administrative social services
85322000-2	Community action programme
85323000-9	Community health services
92000000-1	Recreational, cultural and sporting services
92100000-2	Motion picture and video services
92110000-5	Motion picture and video tape production and related services
92111000-2	Motion picture and video production services
92111100-3	Training-film and video-tape production
92111200-4	Advertising, propaganda and information film and video-tape production
92111210-7	Advertising film production
92111220-0	Advertising video-tape production
92111230-3	Propaganda film production
92111240-6	Propaganda video-tape production
92111250-9	Information film production
92111260-2	Information video-tape production
92111300-5	Entertainment film and video-tape production
92111310-8	Entertainment film production
92111320-1	Entertainment video-tape production
92112000-9	Services in connection with motion-picture and video-tape production
92120000-8	Motion-picture or video-tape distribution services
92121000-5	Video-tape distribution services
92122000-2	Motion picture distribution services
92130000-1	Motion picture projection services
92140000-4	Video-tape projection services
92200000-3	Radio and television services
92210000-6	Radio services
92211000-3	Radio production services
92213000-7	Small scale radio systems services
92214000-4	Radio studio or equipment services
92215000-1	General Mobile Radio Services (GMRS)
92216000-8	Family Radio Services (FRS)
92217000-5	General Mobile Radio Services/Family Radio Services (GMRS/FRS)
92220000-9	Television services
92221000-6	Television production services
92222000-3	Closed circuit television services
92224000-7	Digital television
92225000-4	Interactive television
92225100-7	Film-on-demand television
92226000-1	Teleprogrammation
92230000-2	Radio and television cable services
92231000-9	International bilateral services and international private leased lines
92232000-6	Cable TV
92300000-4	Entertainment services
92310000-7	Artistic and literary creation and interpretation services
92311000-4	Works of art
92312000-1	Artistic services
92312100-2	Theatrical producers', singer groups', bands' and orchestras' entertainment services
92312110-5	Theatrical producer entertainment services
92312120-8	Singer group entertainment services
92312130-1	Band entertainment services
92312140-4	Orchestral entertainment services
92312200-3	Services provided by authors, composers, sculptors, entertainers and other individual artists
92312210-6	Services provided by authors
92312211-3	Writing agency services
92312212-0	Services related to the preparation of training manuals
92312213-7	Technical author services
92312220-9	Services provided by composers
92312230-2	Services provided by sculptors
92312240-5	Services provided by entertainers
92312250-8	Services provided by individual artists
92312251-5	Disk-jockey services
92320000-0	Arts-facility operation services
92330000-3	Recreational-area services
92331000-0	Fair and amusement park services
92331100-1	Fair services
92331200-2	Amusement park services
92331210-5	Children animation services
92332000-7	Beach services
92340000-6	Dance and performance entertainment services
92341000-3	Circus services
92342000-0	Dance-instruction services
92342100-1	Ballroom dance-instruction services
92342200-2	Discotheque dance-instruction services
92350000-9	Gambling and betting services
92351000-6	Gambling services
92351100-7	Lottery operating services
92351200-8	Casino operating services
92352000-3	Betting services
92352100-4	Totalisator operating services
92352200-5	Bookmaking services
92360000-2	Pyrotechnic services
92370000-5	Sound technician
92400000-5	News-agency services
92500000-6	Library, archives, museums and other cultural services
92510000-9	Library and archive services
92511000-6	Library services
92512000-3	Archive services
92512100-4	Archive destruction services
92520000-2	Museum services and preservation services of historical sites and buildings
92521000-9	Museum services
92521100-0	Museum-exhibition services
92521200-1	Preservation services of exhibits and specimens
92521210-4	Preservation services of exhibits
92521220-7	Preservation services of specimens
92522000-6	Preservation services of historical sites and buildings
92522100-7	Preservation services of historical sites
92522200-8	Preservation services of historical buildings
92530000-5	Botanical and zoological garden services and nature reserve services
92531000-2	Botanical garden services
92532000-9	Zoological garden services
92533000-6	Nature reserve services
92534000-3	Wildlife preservation services
92600000-7	Sporting services
92610000-0	Sports facilities operation services
92620000-3	Sport-related services
92621000-0	Sports-event promotion services
92622000-7	Sports-event organisation services
92700000-8	Cybercafé services
98000000-3	Other community, social and personal services
98113100-9	Nuclear safety services
98120000-0	Services furnished by trade unions
98130000-3	Miscellaneous membership organisations services
98131000-0	Religious services
98132000-7	Services furnished by political organisations
98133000-4	Services furnished by social membership organisations
98133100-5	Civic betterment and community facility support services
98133110-8	Services provided by youth associations
98200000-5	Equal opportunities consultancy services
98500000-8	Private households with employed persons
98513000-2	Manpower services for households
98513100-3	Agency staff services for households
98513200-4	Clerical staff services for households
98513300-5	Temporary staff for households
98513310-8	Home-help services
98514000-9	Domestic services
98900000-2	Services provided by extra-territorial organisations and bodies
98910000-5	Services specific to international organisations and bodies`;
