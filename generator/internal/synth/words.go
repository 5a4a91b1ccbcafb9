package synth

import "strings"

// Word lists for WriteRealistic. Each list is ranked roughly from the most
// to the least common, so that drawing from it with a Zipf distribution
// reads like real prose.

// functionWords are the most frequent words of English prose.
var functionWords = strings.Fields(`the to and a of you it in that is for we they our this with on be
your are not have can what as but their do if at or about will so them how when an there from more
one all would who which up out just than then also only into some no other any these those because
after before over each most very even much where why here still both same such through while should
could may might must every many few between without again own against during under next`)

// contentWords are sales, freight and business words, most common first.
var contentWords = strings.Fields(`customer price value budget team cost call deal time buyer question
sales marketing proposal contract pilot risk proof plan approval decision director manager discount
savings freight carrier shipment lane rate invoice delivery spend volume expedite planner visibility
tender warehouse dispatch route pallet integration security onboarding training reference sponsor
rollout renewal competitor platform data report dashboard support problem goal outcome result percent
month quarter week year today meeting email step objection persona stage discovery qualification
negotiation champion executive finance procurement legal operations supply chain logistics transport
network process spreadsheet error return investment payback evidence metric benchmark target forecast
pipeline account owner review feedback track phrase offer option terms payment credit success workshop
expensive priority timing season authority board vendor provider migration implementation effort
resources staff capacity adoption change margin revenue growth churn retention service level agreement
compliance audit certification standard policy regulation region market segment industry retail
manufacturing food beverage chemicals automotive pharma electronics apparel furniture quick simple
clear honest fair strong good better best new old small large truck trailer container dock yard port
terminal depot hub mile load pickup appointment detention demurrage accessorial surcharge fuel tariff
customs broker forwarder shipper consignee consignment manifest waybill label scan exception claim
damage shortage delay schedule backhaul deadhead utilisation consolidation mode rail ocean parcel
intermodal drayage ask listen acknowledge clarify respond confirm agree show share send compare prove
reduce increase save cut move switch replace connect book ship deliver measure check approve sign
negotiate escalate prepare follow explain understand choose decide expect need want know think mean
build run start stop keep lose win pay buy sell quote bid late early manual automated weekly monthly
annual quarterly regional national global local urgent critical affordable cheaper flexible reliable
accurate visible complex typical specific realistic conservative concern answer example story case
study number figure total average peak cycle window deadline calendar owner handover contact person
people company business customer's vendor's finance's leadership stakeholder committee steering user
users login license seat module feature screen workflow rule alert notification export import connector
system software tool tools hardware device phone tablet mobile driver drivers fleet dispatcher
coordinator analyst controller buyer's purchasing sourcing category spend savings baseline variance
accuracy reliability punctuality lead transit dwell turnaround throughput productivity efficiency
waste emissions carbon sustainability green electric diesel toll weight pallets cases orders order
invoice's discrepancy dispute credit note rebate incentive bonus commission quota pipeline's forecast's
territory vertical horizontal upsell cross-sell expansion land adopt trial evaluation shortlist
demo presentation slide deck agenda summary recap minutes action item owner's milestone timeline
phase go-live cutover parallel legacy incumbent replacement retire sunset consolidate standardise
centralise decentralise outsource insource partner partnership alliance integrator consultant
implementation's reseller distributor wholesaler manufacturer importer exporter grocer hospital
university council ministry agency utility telecom energy mining construction agriculture dairy
seafood frozen chilled ambient bulk liquid hazardous fragile oversized heavy light express economy
standard premium guaranteed same-day next-day overnight two-day weekend holiday shift night morning
evening hour hours minute minutes day days weeks months years`)

// Slot fillers for titles and template sentences.
var (
	brandHeads = strings.Fields(`Freight Cargo Lane Load Route Haul Ship Fleet Dock Track Trans Carrier
Depot Pallet Port Rail Convoy Truck Harbour Transit Tender Yard Parcel Axle Mile`)
	brandTails = strings.Fields(`Desk Flow Wise Hub Point Link Base Pilot Grid Sync Stack Works Logic
Sense Path Mate Line Bridge Ware Scope Shift Forge Loop Cloud Beam`)
	cities = strings.Fields(`Rotterdam Memphis Antwerp Hamburg Duisburg Felixstowe Leipzig Lyon Milan
Barcelona Valencia Gdansk Poznan Warsaw Prague Vienna Budapest Bratislava Zagreb Ljubljana Genoa
Marseille Bordeaux Nantes Lille Liverpool Manchester Birmingham Glasgow Dublin Cork Aarhus Gothenburg
Malmo Oslo Bergen Tampere Tallinn Riga Vilnius Krakow Wroclaw Ostrava Brno Linz Graz Innsbruck Zurich
Basel Geneva Turin Bologna Verona Naples Seville Bilbao Zaragoza Porto Lisbon Coimbra Toulouse
Strasbourg Nuremberg Stuttgart Dortmund Bremen Hanover Dresden Utrecht Eindhoven Tilburg Venlo
Ghent Liege Luxembourg Calais Dunkirk Savannah Charleston Louisville Indianapolis Columbus Dallas
Houston Laredo Phoenix Denver Atlanta Chicago Toronto Montreal Monterrey`)
	accountTails = strings.Fields(`Foods Logistics Chemicals Retail Beverages Pharma Furniture Apparel
Electronics Automotive Dairy Seafood Grocers Building Supplies Paper Plastics Metals Textiles Brewing
Bakeries Cosmetics Tools`)
	features = []string{"carrier scorecards", "dock scheduling", "freight audit", "rate benchmarking",
		"EDI integration", "spot quotes", "tender automation", "live tracking", "proof of delivery",
		"invoice matching", "lane analytics", "carbon reporting", "yard management", "load planning",
		"route optimisation", "exception alerts", "customs documents", "claims handling", "fuel surcharges",
		"accessorial rules", "appointment booking", "driver app", "customer portal", "ERP connector",
		"budget forecasting", "capacity planning", "mode shift analysis", "backhaul matching",
		"pallet tracking", "temperature monitoring", "dangerous goods checks", "parcel rating",
		"contract rates", "mini-bid events", "carrier onboarding", "insurance certificates",
		"detention tracking", "demurrage alerts", "cross-dock planning", "returns handling",
		"multi-stop routing", "consolidation planning", "shipment visibility", "SLA reporting",
		"cost allocation", "chargeback reports", "rate cards", "quote approvals", "fleet telematics",
		"warehouse handover", "load tendering", "freight payment", "accrual reports", "trailer pooling"}
	departments = []string{"procurement", "finance", "legal", "IT", "operations", "the board",
		"the CFO", "the COO", "security", "compliance", "the works council", "group purchasing",
		"head office", "the regional VP", "internal audit", "the steering committee", "treasury",
		"the transport manager", "the plant director", "the parent company"}
	roles = []string{"planners", "dispatchers", "carriers", "drivers", "buyers", "analysts",
		"warehouse leads", "shift supervisors", "account managers", "controllers", "customer service",
		"the transport team", "site managers", "freight auditors", "category managers"}
	periods = []string{"this quarter", "next quarter", "this year", "next fiscal year", "Q1", "Q2",
		"Q3", "Q4", "the spring", "the summer", "the autumn", "January", "March", "September",
		"after the budget round", "the next planning cycle", "the reorganisation"}
	events = []string{"peak season", "the ERP migration", "the merger", "the audit", "the warehouse move",
		"the holiday rush", "the price review", "the carrier tender", "the system freeze",
		"the new plant opening", "the reorganisation", "the contract renewal", "year end",
		"the SAP upgrade", "the network redesign", "the strike", "harvest season", "back to school"}
	risks = []string{"data migration", "carrier adoption", "planner workload", "downtime",
		"integration effort", "vendor lock-in", "data security", "hidden fees", "change fatigue",
		"service disruption", "training time", "missed deliveries", "a failed rollout",
		"duplicate invoices", "lost history", "union pushback", "customer complaints"}
	lanes = []string{"refrigerated", "LTL", "full truckload", "cross-border", "intermodal", "parcel",
		"hazmat", "flatbed", "port drayage", "last-mile", "bulk", "expedited", "temperature-controlled",
		"oversized", "rail"}
	concessions = []string{"a longer pilot", "a bigger discount", "monthly billing", "a termination clause",
		"free training", "an on-site launch", "a price freeze", "a dedicated engineer",
		"net-90 payment terms", "a money-back guarantee", "unlimited users", "a custom integration"}
	jargonMods = strings.Fields(`Tender Spot Contract Lane Carrier Dock Yard Freight Load Route Detention
Accessorial Backhaul Deadhead Drayage Consignment Transit Dwell Capacity Fuel Claims Pallet Shipment
Linehaul Cross-dock Intermodal Parcel Tariff Manifest Waybill Demurrage Chassis Cargo Trailer Reefer
Bonded Customs Inbound Outbound Reverse`)
	jargonHeads = []string{"acceptance rate", "rejection rate", "variance", "index", "scorecard",
		"premium", "window", "lead time", "cost per mile", "utilisation", "compliance", "accrual",
		"audit", "benchmark", "allocation", "surcharge", "threshold", "exception", "forecast",
		"coverage", "density", "turn time", "cut-off", "guarantee", "waiver", "matrix", "pool",
		"buffer", "ratio", "yield"}
	personaRoles = []string{"VP Supply Chain", "Transport Manager", "Logistics Director", "CFO",
		"Procurement Lead", "Head of Operations", "Warehouse Manager", "IT Director", "COO",
		"Customer Service Manager", "Freight Analyst", "Plant Manager", "Category Manager",
		"Controller", "Distribution Manager", "Fleet Manager", "Head of Sustainability",
		"Import Manager", "Export Coordinator", "Shipping Supervisor"}
	segments = []string{"mid-market food shippers", "regional retailers", "chemical manufacturers",
		"automotive suppliers", "pharma distributors", "furniture importers", "beverage bottlers",
		"e-commerce brands", "building suppliers", "3PL operators", "dairy cooperatives",
		"electronics assemblers"}
)

// Title patterns. Placeholders: {brand} a competitor, {account} a
// customer, {city} a city, {feature}, {dept}, {role}, {period}, {event},
// {risk}, {lane}, {concession}, and {coined} a glossary word.
var (
	objectionPatterns = []string{
		"Too expensive for {period}'s budget", "We already use {brand}", "Need sign-off from {dept}",
		"{brand} is cheaper for {lane} freight", "Our {role} won't use {feature}",
		"No budget for {feature} until {period}", "Worried about {risk} during {event}",
		"Locked into {brand} until {period}", "Call back after {event}", "We built our own {feature}",
		"{dept} wants {concession}", "{brand} already does {feature}", "Not a priority before {event}",
		"Your {feature} looks too complex for our {role}", "We tried {brand} in {city} and it failed",
		"Our {lane} volume in {city} is too small", "{dept} blocked the last {feature} project",
		"We only ship {lane} out of {city}", "Too risky to change before {event}",
		"Send me a proposal for {feature} and I'll compare it with {brand}",
		"Prove the savings on our {city} lanes first", "We can't afford {risk} in {period}",
		"Your price per shipment beats {brand} only above our volume",
		"{role} in {city} already have a spreadsheet for {feature}",
	}
	toolPatterns = []string{
		"Paid pilot on the {city} lanes", "Phased rollout of {feature}", "Reference call with {account}",
		"Executive sponsor for {dept}", "Payment terms for {period}", "Success plan for {feature}",
		"Training credits for {role}", "ROI workshop on {feature}", "Carrier onboarding service in {city}",
		"Side-by-side trial against {brand}", "Price lock until {period}", "Migration service from {brand}",
		"Risk-free {lane} pilot", "Savings guarantee on {feature}", "Case study from {account}",
	}
	playPatterns = []string{
		"Discovery call with {account}", "Proposal review at {account}", "Negotiation plan for {account}",
		"Qualification call on {feature}", "Renewal conversation at {account}",
		"Displacing {brand} at {account}", "Business case for {dept} at {account}",
		"Executive briefing before {event}", "Pilot kickoff in {city}", "Win-back call after {brand} trial",
	}
	guidePatterns = []string{
		"How {account} handles {feature}", "Lane analysis: {city} to {city2}",
		"Quarterly business review with {account}", "Case study: {account} cut expedites",
		"Onboarding checklist for {feature}", "Benchmark report on {lane} rates in {city}",
		"Competitive notes: {brand}", "Pricing {feature} for {role}", "Preparing {dept} for {event}",
		"Why {account} chose us over {brand}", "Running {feature} across {city} and {city2}",
		"{lane} freight playbook for {city}",
	}
	sentencePatterns = []string{
		"Ask how {role} handle {feature} today and what happens when a load runs late.",
		"{account} cut expedites on the {city} lanes after switching from {brand}.",
		"If {dept} raises {risk}, offer {concession} rather than a discount.",
		"Most {lane} shippers in {city} still check invoices in a spreadsheet.",
		"Bring the numbers from {account}: fewer expedites, faster invoice checks and a payback before {period}.",
		"Never criticise {brand}; ask what it leaves to {role} instead.",
		"Before {event}, agree who owns {feature} and how success is measured.",
		"The {role} at {account} asked for {feature} in the first week.",
		"Quote the {city} benchmark and let {dept} check it against their own data.",
		"A pilot of {feature} on two {lane} lanes usually answers the question of {risk}.",
		"Write down the decision date and who in {dept} signs.",
		"{brand} prices per user; we price per shipment, so {role} never share logins.",
		"Check the {coined} figure with {dept} before you quote.",
		"{account} tracks {coined} every week; ask to see the last report.",
	}
	objectionHeadings = []string{"Clarify", "Confirm", "Proof points", "Questions to ask", "What they really mean", "Talk track", "When it comes up", "If they push back"}
	toolHeadings      = []string{"When to use it", "Value to the customer", "Cost to us", "Who approves it", "Pitfalls", "Example"}
	playHeadings      = []string{"Before the call", "Opening", "Agenda", "Talk track", "Next step to secure", "After the call"}
	termHeadings      = []string{"Notes", "Example", "How we use it", "Common confusion", "Related metrics"}
	guideHeadings     = []string{"Background", "What we found", "Numbers", "Recommendations", "Next steps", "Lessons"}
	dynamicHeading    = []string{"{feature} at {account}", "Questions about {feature}", "What {role} ask",
		"Comparing with {brand}", "Lanes from {city}", "Planning for {event}", "Handling {risk}"}
)
