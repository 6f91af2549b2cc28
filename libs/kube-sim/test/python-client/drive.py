"""Drives kube-sim with the official Kubernetes Python client; prints what it saw as JSON.

Usage: drive.py KUBECONFIG. Run by python-client.spec.ts with Debian's python3-kubernetes.
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException


def status_of(call):
    try:
        call()
    except ApiException as e:
        body = json.loads(e.body)
        return {"status": e.status, "reason": body.get("reason"), "causes": [c.get("field") for c in (body.get("details") or {}).get("causes") or []]}
    return None


config.load_kube_config(config_file=sys.argv[1])
core = client.CoreV1Api()
out = {"version": client.VersionApi().get_code().git_version}

# Paging: limit and the continue token until the list is done.
names, pages, token = [], 0, None
while True:
    page = core.list_namespaced_service("paged", limit=2, _continue=token)
    pages += 1
    names += [s.metadata.name for s in page.items]
    token = page.metadata._continue
    if not token:
        break
out["paged"] = {"pages": pages, "names": names}

service = client.V1Service(
    metadata=client.V1ObjectMeta(name="from-python", labels={"made-by": "python"}),
    spec=client.V1ServiceSpec(selector={"app": "py"}, ports=[client.V1ServicePort(name="http", port=8080)]),
)
created = core.create_namespaced_service("default", service)
out["created"] = {"clusterIP": created.spec.cluster_ip, "targetPort": created.spec.ports[0].target_port, "resourceVersion": created.metadata.resource_version}

# A dict body is sent as a strategic merge patch.
patched = core.patch_namespaced_service("from-python", "default", {"metadata": {"labels": {"patched": "yes"}}})
out["patched"] = patched.metadata.labels

# The watch (watch=True on the wire) streams what happened after the create.
events = []
w = watch.Watch()
for e in w.stream(core.list_namespaced_service, "default", resource_version=created.metadata.resource_version, timeout_seconds=10):
    events.append([e["type"], e["object"].metadata.name, e["object"].metadata.labels.get("patched")])
    if e["type"] == "MODIFIED" and e["object"].metadata.name == "from-python":
        w.stop()
out["events"] = events

out["notFound"] = status_of(lambda: core.read_namespaced_service("nope", "default"))
out["alreadyExists"] = status_of(lambda: core.create_namespaced_service("default", service))
out["invalid"] = status_of(lambda: core.create_namespaced_service("default", client.V1Service(metadata=client.V1ObjectMeta(name="no-ports"), spec=client.V1ServiceSpec(type="NodePort"))))
print(json.dumps(out))
