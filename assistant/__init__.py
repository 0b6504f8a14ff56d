"""小微企业园政策助手: the regulation assistant library (see README.md)."""
