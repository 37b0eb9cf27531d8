# need CMD PKG installs Debian package PKG when command CMD is missing (sourced by .ci/run and
# .ci/tools/check-exports.sh).
need() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null 2>&1 && return
  echo "== apt-get install $pkg"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" >/dev/null
}
