#!/usr/bin/env bash
# Build the Dockerfile and serve its image on a machine with no Docker engine and no registry
# (this one): README, "How the image was tried here". Run as root from the repository:
#   bash deploy/try_image.sh            # then open http://127.0.0.1:8501, Ctrl-C to stop
#
# What differs from `docker build . && docker run -p 8501:8501`, and why:
# - the base image: Docker Hub cannot be reached, so a Debian 12 root made by debootstrap, with
#   Debian's Python 3.11, stands in for python:3.11.11-slim-bookworm (`podman build --from`);
# - the run: podman's runtime may not set the process limits here (crun: "setrlimit
#   RLIMIT_NPROC: Operation not permitted"), so the image's files are mounted and its CMD is run
#   with chroot, as its user, in its working directory, with its environment.
# Everything else (the user, the copied code, the build-time steps, the command, the health
# check's own command) is the image's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOTFS=${ROOTFS:-/tmp/lab-image-base}
BASE=localhost/lab-base-bookworm-python311:local
IMAGE=localhost/cross-entropy-lab:tried

apt-get install -y -q podman debootstrap >/dev/null
if ! podman image exists "$BASE"; then
    rm -rf "$ROOTFS"
    debootstrap --variant=minbase --include=python3,python3-pip,python-is-python3 \
        bookworm "$ROOTFS" http://deb.debian.org/debian >/dev/null
    rm -f "$ROOTFS"/usr/lib/python3.11/EXTERNALLY-MANAGED  # pip installs system-wide, as in python:slim
    cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS"/etc/ssl/certs/  # this machine's egress CA
    tar -C "$ROOTFS" -c . | podman import - "$BASE" >/dev/null
fi
podman build --quiet --format docker --isolation=chroot --network=host --from "$BASE" -t "$IMAGE" .

MNT=$(podman image mount "$IMAGE")
cleanup() {
    pkill -u 10001 -f "streamlit run" || true
    umount "$MNT/proc" "$MNT/dev" 2>/dev/null || true
    podman image unmount "$IMAGE" >/dev/null || true
}
trap cleanup EXIT
mount --bind /proc "$MNT/proc"
mount --bind /dev "$MNT/dev"

config() { podman image inspect "$IMAGE" --format "$1"; }
USER_NAME=$(config '{{.User}}')
USER_ID=$(chroot "$MNT" id -u "$USER_NAME")
WORKDIR=$(config '{{.Config.WorkingDir}}')
PORT=$(config '{{range $port, $_ := .Config.ExposedPorts}}{{$port}}{{end}}')
PORT=${PORT%/tcp}
PLOTLY_JS=$(cd "$MNT$WORKDIR" && echo static/plotly-*.min.js)  # made by the build step
mapfile -t ENVIRONMENT < <(config '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
mapfile -t COMMAND < <(config '{{range .Config.Cmd}}{{println .}}{{end}}' | sed '/^$/d')
mapfile -t HEALTH < <(config '{{range .HealthCheck.Test}}{{println .}}{{end}}' | sed '/^$/d')
as_user() { chroot --userspec="$USER_ID:$USER_ID" "$MNT" /usr/bin/env -i "${ENVIRONMENT[@]}" "$@"; }

echo "image user $USER_NAME ($USER_ID), command: ${COMMAND[*]}"
as_user sh -c "cd $WORKDIR && exec \"\$@\"" sh "${COMMAND[@]}" &
for _ in $(seq 60); do
    if as_user "${HEALTH[@]:1}" 2>/dev/null; then break; fi
    sleep 1
done
as_user "${HEALTH[@]:1}" && echo "health check (the image's own command): ok"
curl -sf "http://127.0.0.1:$PORT/app/$PLOTLY_JS" -o /dev/null \
    && echo "Plotly.js for the live charts: served"
if [ "${1:-}" = "--check" ]; then exit 0; fi
echo "serving on http://127.0.0.1:$PORT; Ctrl-C to stop"
wait
