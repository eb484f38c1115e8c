default["demo"]["motd"] = "Managed by Chef"
