#!/usr/bin/env bash
# Builds what goes to /opt/publicitysite: the published site plus the recipe, themes and seed content.
# What every start runs is compiled ahead of time (ReadyToRun; the libraries of features used on demand stay IL,
# see PublicitySite.Web.csproj): a restart reaches a ready site about half a second sooner than from plain IL
# (bench/Startup --web <folder> measures it).
#   bash deploy/publish.sh [output-folder]                    framework-dependent (needs the ASP.NET Core 10 runtime)
#   bash deploy/publish.sh [output-folder] --self-contained   carries its own runtime (linux-x64), no dotnet needed
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/publicitysite}
mode=${2:-}
rm -rf "$out"
if [ "$mode" = "--self-contained" ]; then
  dotnet publish src/PublicitySite.Web -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -o "$out"
else
  dotnet publish src/PublicitySite.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out"
fi
cp -r recipes themes content-seed "$out/"
echo "Published to $out"
