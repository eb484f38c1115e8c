# shellcheck shell=bash
# Installs the Debian packages Galley's lab and tests use, when any is missing. Needs root or passwordless sudo.

GALLEY_DEBIAN_PACKAGES=(
    goiardi                      # the Chef server of the lab
    ruby ruby-mixlib-authentication  # the reference signer: oracle tests and the Ruby side of the benchmarks
    gcc libc6-dev                # the JNI bridge to OpenSSL (signing three times faster than the JDK)
    openssl                      # test certificates for the TLS tests
    tinyproxy                    # a real HTTP proxy for the proxy tests
    hyperfine                    # the CLI start-up benchmark
    openssh-server openssh-client  # the lab's SSH hosts (sshd on loopback) and ssh-keygen
)

galley_install_packages() {
    local missing=() p sudo=""
    for p in "${GALLEY_DEBIAN_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
            echo "galley: missing Debian packages: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
            return 1
        fi
    fi
    echo "galley: installing Debian packages: ${missing[*]}" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}" >&2
}
