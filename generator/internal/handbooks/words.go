package handbooks

// Word lists for titles, headings and prose. They are small on purpose: the
// handbooks need to read like a company's, not to be statistically varied
// (generator/internal/synth covers that for search benchmarks).

var (
	teams       = []string{"Sales", "Marketing", "Customer Success", "Engineering", "People", "Finance", "Legal", "Product", "Support", "Partnerships", "Revenue Operations", "Design"}
	competitors = []string{"Acmeon", "Boxwell", "Crestline", "Dataforge", "Ecliptic", "Fernbrook"}
	customers   = []string{"Brightline", "Cobalt Freight", "Harbor Labs", "Meridian Foods", "Tallgrass Energy", "Kestrel Bank", "Orchard Health", "Pinecrest Schools", "Quarry Media", "Redwood Logistics", "Silverleaf Hotels", "Tidewater Ports"}
	regions     = []string{"Europe", "North America", "Latin America", "Asia Pacific", "the Nordics", "the UK", "Germany", "France"}
	segments    = []string{"startups", "mid-market accounts", "enterprise accounts", "public sector", "nonprofits", "agencies", "channel partners", "renewals"}
	tools       = []string{"the CRM", "Slack", "the wiki", "Zoom", "the billing system", "the ticket queue", "the quote tool", "Google Drive", "the expense tool", "the HR portal", "the design library", "the analytics dashboard"}
	stages      = []string{"Prospecting", "Discovery", "Qualification", "Demo", "Proposal", "Negotiation", "Closing", "Handover", "Renewal", "Expansion"}
	artifacts   = []string{"checklist", "script", "template", "playbook", "scorecard", "worksheet", "email sequence", "call plan", "agenda", "review"}
	verbs       = []string{"request", "approve", "book", "set up", "update", "export", "review", "escalate", "archive", "share", "log", "plan", "track", "prepare", "cancel", "renew"}
	objects     = []string{"a discount", "a demo environment", "business travel", "a new laptop", "a quote", "a contract redline", "a customer reference", "a webinar", "an expense report", "a deal desk review", "the quarterly forecast", "a press release", "a partner referral", "a pilot", "a security questionnaire", "a trade show booth", "a purchase order", "an NDA", "a case study", "a price exception", "a territory change", "a sales kickoff session", "a win report", "a loss review"}
	brandTopics = []string{"Logo usage", "Colour palette", "Typography", "Voice and tone", "Photography", "Iconography", "Email signatures", "Slide templates", "Social media", "Naming products", "Writing for the web", "Accessible content", "Co-branding with partners", "Event booths", "Merchandise", "Video style", "Illustrations", "Customer quotes", "Data visualisation", "Letterheads"}
	channels    = []string{"email", "LinkedIn", "events", "the website", "print", "video", "webinars", "partner pages", "press", "podcasts"}
	termHeads   = []string{"Annual", "Qualified", "Net", "Gross", "Expansion", "Committed", "Weighted", "Active", "Churned", "Blended", "Marketing", "Sales", "Product", "Partner", "Inbound", "Outbound", "Average", "Monthly", "Recurring", "Target"}
	termNouns   = []string{"contract value", "pipeline", "revenue retention", "lead", "opportunity", "account", "margin", "forecast", "bookings", "coverage", "conversion rate", "deal size", "win rate", "sales cycle", "quota", "territory", "persona", "segment", "discount", "churn"}
	policies    = []string{"Travel", "Expenses", "Parental leave", "Remote work", "Discount", "Refund", "Multi-year deal", "Nonprofit pricing", "Gift and hospitality", "Code of conduct", "Equipment", "Learning budget", "Overtime", "Public holidays", "Sick leave", "Referral bonus", "Commission", "Data retention", "Open source", "Social media"}
	systems     = []string{"Billing service", "Search cluster", "Login service", "Data warehouse", "Email pipeline", "Mobile app", "Public API", "Web frontend", "Reporting jobs", "Webhooks", "Feature flags", "Build system"}
	practices   = []string{"Code review", "Incident response", "Release", "Testing", "Logging", "Dependency update", "Database migration", "Access request", "Postmortem", "Design review", "Pairing", "Documentation"}
	objections  = []string{
		"Too expensive for {segment}", "No budget this quarter", "We already use {competitor}", "I need to check with my manager",
		"Send me some information first", "Not a priority right now", "The contract term is too long", "We built our own tool",
		"The security review will take months", "{competitor} offered a bigger discount", "We tried something similar before",
		"Our team is too small", "Implementation takes too long", "We are locked into {competitor} until next year",
		"Procurement will never approve it", "We only buy from big vendors", "Your product lacks {feature}",
		"Call me back in {month}", "We need a proof of concept", "Legal will not accept your terms",
	}
	features = []string{"single sign-on", "an offline mode", "custom reports", "audit logs", "a mobile app", "regional hosting", "bulk import", "API access"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

	// Headings are ASCII words and spaces only, so that every generator
	// (Hugo, Docusaurus, MkDocs, GitHub, Playbook) derives the same ID.
	h2Generic = []string{"Overview", "Purpose", "Who this is for", "When to use it", "How it works", "Steps", "Before you start", "Who approves", "Examples", "Common mistakes", "Checklist", "Tips", "Timeline", "Owners", "Metrics", "Templates", "Escalation", "Exceptions", "Frequently asked questions", "Background", "Roles and responsibilities", "What good looks like", "Next steps", "Tools we use", "Costs", "Training"}
	h2ByKind  = map[string][]string{
		"objection":   {"What they say", "What they mean", "Talk track", "Proof points", "Closing tools", "Phrases to avoid", "Follow up"},
		"pricing":     {"Price list", "Discount bands", "Approval matrix", "Payment terms", "Currency rules", "Renewal uplift"},
		"brand":       {"Do", "Do not", "Specifications", "Clear space", "Colour values", "Accessibility", "Downloads"},
		"glossary":    {"Definition", "Marketing definition", "Sales definition", "Agreed definition", "How we measure it", "Aliases"},
		"meeting":     {"Attendees", "Agenda", "Decisions", "Action items", "Open questions", "Notes"},
		"howto":       {"Prerequisites", "Step by step", "Troubleshooting", "Who to ask", "Related requests"},
		"process":     {"Entry criteria", "Exit criteria", "Activities", "Deliverables", "Handover", "Talk track"},
		"policy":      {"Scope", "Policy", "Eligibility", "How to claim", "Limits", "Contacts"},
		"onboarding":  {"Day one", "First week", "First month", "Accounts to request", "People to meet", "Reading list"},
		"engineering": {"Architecture", "Runbook", "Alerts", "Dashboards", "Rollback", "On call contacts", "Known issues"},
	}
	h3Generic = []string{"For new customers", "For renewals", "In the CRM", "By email", "By phone", "Small deals", "Large deals", "Regional rules", "In Europe", "In North America", "Example one", "Example two", "If the customer says no", "If legal is involved", "Quick version", "Long version", "Good example", "Bad example", "Edge cases", "Manager view"}

	sentences = []string{
		"{team} owns this page and reviews it every quarter.",
		"Before you {verb} {object}, check the latest numbers with your manager.",
		"Most {segment} ask about this in the first call, so prepare a short answer.",
		"We learned this the hard way with {customer} in {region}.",
		"Keep notes in {tool} so that the next person can pick up where you left off.",
		"If {competitor} comes up, stay factual and never talk down their product.",
		"The {stage} stage ends when the buyer agrees to a clear next step.",
		"Ask {team} for help when a deal needs {object}.",
		"A good answer is short, specific and backed by a customer story.",
		"This applies to every region unless the local lead says otherwise.",
		"Write down what the customer said in their own words.",
		"{customer} cut their onboarding time in half after the rollout.",
		"Do not promise features that are not on the public roadmap.",
		"Update {tool} the same day, while the details are fresh.",
		"Share wins in the team channel so that others can reuse them.",
		"When in doubt, ask in the {team} channel before replying to the customer.",
		"The owner of the account decides, with input from {team}.",
		"Small changes are fine without approval; anything else goes through {team}.",
		"Review this list before every {stage} meeting.",
		"New hires should read this in their first two weeks.",
	}
	listItems = []string{
		"Confirm the budget owner", "Agree on a decision date", "Send the recap within a day", "Log the call in {tool}",
		"Invite {team} when the deal is above the usual size", "Check the discount band", "Attach the signed order form",
		"Update the close date", "Name the economic buyer", "List the competitors involved", "Book the next meeting before hanging up",
		"Ask for a reference call with {customer}", "Use the approved slide template", "Keep the logo clear space",
		"Use sentence case in headings", "Write numbers as digits", "Tag the request with the region", "Add the customer to the newsletter only with consent",
	}
	codeSamples = []struct{ lang, text string }{
		{"text", "Subject: Next steps after our call\n\nHi NAME,\n\nThanks for your time today. As agreed, here is a short recap\nand the proposal we discussed. Could we meet again on DATE?\n\nBest regards,\nREP"},
		{"sql", "SELECT owner, stage, SUM(amount) AS pipeline\nFROM opportunities\nWHERE close_date >= '2026-01-01'\nGROUP BY owner, stage\nORDER BY pipeline DESC;"},
		{"yaml", "deal_desk:\n  threshold: 50000\n  approvers:\n    - regional-director\n    - finance\n  sla_hours: 24"},
		{"bash", "git clone git@example.com:handbook/handbook.git\ncd handbook\nmake preview"},
		{"json", "{\n  \"campaign\": \"spring-launch\",\n  \"channel\": \"email\",\n  \"budget\": 12000\n}"},
		{"text", "Rep: What would have to be true for you to move forward this quarter?\nBuyer: We would need sign-off from finance.\nRep: Who in finance should we involve, and when?"},
	}
)
