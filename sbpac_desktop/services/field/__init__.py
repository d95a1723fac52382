"""Field follow-up: field visits and findings, the civil-society network, the integrated plan and its
M&E, their imports and reports."""
