#!/usr/bin/env bash
# QGIS 3.40 LTR test root: a Debian trixie tree made with debootstrap, reused when present.
#   scripts/ltr.sh build          make (or update) the root; idempotent
#   scripts/ltr.sh run CMD...     run CMD inside it, in this repository (same path as outside), as root
#   scripts/ltr.sh shell          an interactive shell inside it
# The root lives in $PRATO_LTR_ROOT (default ~/.cache/prato-smartcity/trixie-qgis), outside the repository, so that
# every clone on the machine shares it. It shares the network (loopback) with the host.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=$(cd "$repo/.." && pwd)/shared
root=${PRATO_LTR_ROOT:-$HOME/.cache/prato-smartcity/trixie-qgis}
mirror=${PRATO_LTR_MIRROR:-http://deb.debian.org/debian}
packages_file=$here/trixie-packages.txt
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

mounted=()
cleanup() {
  local i
  for ((i=${#mounted[@]}-1; i>=0; i--)); do $SUDO umount -l "${mounted[$i]}" 2>/dev/null || true; done
  mounted=()
}
trap cleanup EXIT

bind() {  # bind SRC DST (DST inside the root)
  $SUDO mkdir -p "$2"
  if ! mountpoint -q "$2"; then $SUDO mount --bind "$1" "$2"; mounted+=("$2"); fi
}

mount_system() {
  $SUDO mkdir -p "$root/proc" "$root/dev" "$root/dev/shm" "$root/dev/pts"
  mountpoint -q "$root/proc" || { $SUDO mount -t proc proc "$root/proc"; mounted+=("$root/proc"); }
  bind /dev "$root/dev"
  mountpoint -q "$root/dev/pts" || { $SUDO mount --bind /dev/pts "$root/dev/pts"; mounted+=("$root/dev/pts"); }
  mountpoint -q "$root/dev/shm" || { $SUDO mount -t tmpfs tmpfs "$root/dev/shm"; mounted+=("$root/dev/shm"); }
  $SUDO cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  # pip inside the root (the API stack's venv) goes out through the host's network: trust what the host trusts.
  if [ -f /etc/ssl/certs/ca-certificates.crt ] && [ -d "$root/etc/ssl/certs" ]; then
    $SUDO cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  fi
  [ -f /etc/pip.conf ] && $SUDO cp /etc/pip.conf "$root/etc/pip.conf" || true
}

wanted() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$packages_file" | grep -v '^$'; }

build() {
  command -v debootstrap >/dev/null || { $SUDO apt-get update -qq; $SUDO apt-get install -y -qq debootstrap; }
  if [ ! -x "$root/usr/bin/apt-get" ] || [ ! -f "$root/.debootstrap-done" ]; then
    echo "ltr: debootstrap trixie into $root"
    $SUDO rm -rf "$root"
    $SUDO mkdir -p "$root"
    $SUDO debootstrap --variant=minbase trixie "$root" "$mirror" >/tmp/prato-debootstrap.log 2>&1 \
      || { tail -20 /tmp/prato-debootstrap.log; exit 1; }
    $SUDO touch "$root/.debootstrap-done"
  fi
  local stamp; stamp=$(wanted | sort | sha1sum | cut -c1-12)
  if [ -f "$root/.packages-$stamp" ]; then
    echo "ltr: QGIS LTR root ready ($root), nothing to install"
    return
  fi
  mount_system
  echo "ltr: installing $(wanted | tr '\n' ' ')"
  $SUDO chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive bash -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends $(wanted | tr '\n' ' ') >/tmp/apt.log 2>&1 || { tail -30 /tmp/apt.log; exit 1; }"
  $SUDO chroot "$root" bash -c "sed -i 's/^# *\(it_IT.UTF-8\)/\1/; s/^# *\(en_US.UTF-8\)/\1/' /etc/locale.gen && locale-gen >/dev/null 2>&1 || true"
  $SUDO rm -f "$root"/.packages-*
  $SUDO touch "$root/.packages-$stamp"
  cleanup
  echo "ltr: QGIS $($SUDO chroot "$root" bash -c "dpkg-query -W -f='\${Version}' qgis") ready in $root"
}

run() {
  [ -f "$root/.debootstrap-done" ] || build
  mount_system
  bind "$repo" "$root$repo"
  [ -d "$shared" ] && bind "$shared" "$root$shared"
  $SUDO chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 CI="${CI:-}" PRATO_LTR=1 bash -c "cd '$repo' && $*"
}

case "${1:-}" in
  build) build ;;
  run) shift; run "$@" ;;
  shell) run bash ;;
  *) echo "usage: $0 build | run CMD... | shell" >&2; exit 2 ;;
esac
