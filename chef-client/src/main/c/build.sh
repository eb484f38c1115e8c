#!/usr/bin/env bash
# Compiles the JNI bridge to the system's OpenSSL. Arguments: JAVA_HOME JNI_HEADER_DIR OUTPUT_DIR.
# libcrypto is opened with dlopen at run time, so building needs no OpenSSL headers or libraries.
set -euo pipefail
java_home=$1 headers=$2 out=$3
src=$(dirname "$0")/galley_openssl.c
mkdir -p "$out"
gcc -O2 -fPIC -shared -Wall -Wextra -Werror -std=c11 \
    -I"$java_home/include" -I"$java_home/include/linux" -I"$headers" \
    -o "$out/libgalley-openssl.so" "$src" -ldl
