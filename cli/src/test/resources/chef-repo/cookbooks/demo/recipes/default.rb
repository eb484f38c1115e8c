template "/etc/motd" do
  source "motd.erb"
  variables(motd: node["demo"]["motd"])
end
