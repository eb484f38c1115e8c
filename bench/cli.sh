#!/usr/bin/env bash
# CLI start-up benchmark (issue 3): galley against the Ruby reference client, side by side with hyperfine, on a
# goiardi with 100 nodes. Prints a Markdown table; raw JSON goes to bench/results/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs=${RUNS:-20}
state=$(mktemp -d)
trap 'XDG_STATE_HOME=$state ./galley lab down >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
export XDG_STATE_HOME=$state
./galley lab up chef >/dev/null
dir=$state/galley/lab/chef
url=$(sed -n 's/^chef_server_url *"\(.*\)"/\1/p' "$dir/config.rb")
for i in $(seq -w 1 100); do
    echo "{\"name\":\"cli$i\",\"chef_environment\":\"_default\",\"json_class\":\"Chef::Node\",\"chef_type\":\"node\",\"run_list\":[\"role[web]\"]}" > "$state/n.json"
    ./galley -c "$dir/config.rb" raw -m POST -i "$state/n.json" /nodes >/dev/null
done
ruby=(ruby bench/ruby/knife_like.rb "$url" admin "$dir/admin.pem")
mkdir -p bench/results
out=bench/results/cli-$(date +%Y%m%d-%H%M%S).json
hyperfine -N -w 3 -r "$runs" --export-json "$out" \
    -n "galley --version" "./galley --version" \
    -n "ruby (start + libraries)" "${ruby[*]} version" \
    -n "galley node list" "./galley -c $dir/config.rb node list" \
    -n "ruby node list" "${ruby[*]} node-list" \
    -n "galley search node '*:*' -a name" "./galley -c $dir/config.rb search node *:* -a name" \
    -n "ruby search -a name" "${ruby[*]} search-name" >&2
python3 - "$out" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
print("| measurement | Galley | Ruby client | ratio (Ruby/Galley) |")
print("|---|---|---|---|")
for g, rb, what in [("galley --version", "ruby (start + libraries)", "start-up, no request"),
                    ("galley node list", "ruby node list", "node list, 100 nodes"),
                    ("galley search node '*:*' -a name", "ruby search -a name", "search node '*:*' -a name")]:
    a, b = r[g]["mean"], r[rb]["mean"]
    print(f"| {what} | {a*1000:.0f} ms ± {r[g]['stddev']*1000:.0f} | {b*1000:.0f} ms ± {r[rb]['stddev']*1000:.0f} | {b/a:.2f}x |")
PY
