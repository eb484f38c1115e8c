/*
 * RSA signing for Chef request signatures through the system's OpenSSL 3 (libcrypto.so.3).
 *
 * Why: the JDK's RSA-2048 private-key operation costs about three times OpenSSL's on this hardware, and a
 * Chef client signs every request. libcrypto is opened with dlopen, so the build needs no OpenSSL headers
 * and a machine without libcrypto.so.3 simply falls back to the JDK signer (OpenSslRsa.unavailableReason).
 *
 * Two operations, exactly as mixlib-authentication performs them:
 *   - protocol 1.0/1.1: RSA_private_encrypt of the raw canonical string with PKCS#1 v1.5 type-1 padding
 *     (EVP_PKEY_sign with no digest set);
 *   - protocol 1.3: RSASSA-PKCS1-v1_5 over a SHA-256 digest (EVP_PKEY_sign with the signature digest set).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_galley_chef_internal_crypto_OpenSslRsa.h"

typedef struct evp_pkey_st EVP_PKEY;
typedef struct evp_pkey_ctx_st EVP_PKEY_CTX;
typedef struct evp_md_st EVP_MD;
typedef struct engine_st ENGINE;

#define GALLEY_RSA_PKCS1_PADDING 1

static EVP_PKEY *(*p_d2i_AutoPrivateKey)(EVP_PKEY **, const unsigned char **, long);
static void (*p_EVP_PKEY_free)(EVP_PKEY *);
static int (*p_EVP_PKEY_get_size)(const EVP_PKEY *);
static EVP_PKEY_CTX *(*p_EVP_PKEY_CTX_new)(EVP_PKEY *, ENGINE *);
static void (*p_EVP_PKEY_CTX_free)(EVP_PKEY_CTX *);
static int (*p_EVP_PKEY_sign_init)(EVP_PKEY_CTX *);
static int (*p_EVP_PKEY_CTX_set_rsa_padding)(EVP_PKEY_CTX *, int);
static int (*p_EVP_PKEY_CTX_set_signature_md)(EVP_PKEY_CTX *, const EVP_MD *);
static const EVP_MD *(*p_EVP_sha256)(void);
static int (*p_EVP_PKEY_sign)(EVP_PKEY_CTX *, unsigned char *, size_t *, const unsigned char *, size_t);
static unsigned long (*p_ERR_get_error)(void);
static void (*p_ERR_error_string_n)(unsigned long, char *, size_t);
static void (*p_ERR_clear_error)(void);
static const char *(*p_OpenSSL_version)(int);

static char version_text[256];

#define RESOLVE(handle, name)                                             \
    do {                                                                  \
        *(void **)(&p_##name) = dlsym(handle, #name);                     \
        if (p_##name == NULL) {                                           \
            snprintf(reason, sizeof reason, "libcrypto.so.3 lacks %s", #name); \
            return (*env)->NewStringUTF(env, reason);                     \
        }                                                                 \
    } while (0)

JNIEXPORT jstring JNICALL Java_dev_galley_chef_internal_crypto_OpenSslRsa_init(JNIEnv *env, jclass cls) {
    (void)cls;
    char reason[512];
    void *h = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        snprintf(reason, sizeof reason, "cannot open libcrypto.so.3: %s", dlerror());
        return (*env)->NewStringUTF(env, reason);
    }
    RESOLVE(h, d2i_AutoPrivateKey);
    RESOLVE(h, EVP_PKEY_free);
    RESOLVE(h, EVP_PKEY_get_size);
    RESOLVE(h, EVP_PKEY_CTX_new);
    RESOLVE(h, EVP_PKEY_CTX_free);
    RESOLVE(h, EVP_PKEY_sign_init);
    RESOLVE(h, EVP_PKEY_CTX_set_rsa_padding);
    RESOLVE(h, EVP_PKEY_CTX_set_signature_md);
    RESOLVE(h, EVP_sha256);
    RESOLVE(h, EVP_PKEY_sign);
    RESOLVE(h, ERR_get_error);
    RESOLVE(h, ERR_error_string_n);
    RESOLVE(h, ERR_clear_error);
    RESOLVE(h, OpenSSL_version);
    snprintf(version_text, sizeof version_text, "%s", p_OpenSSL_version(0));
    return NULL;
}

JNIEXPORT jstring JNICALL Java_dev_galley_chef_internal_crypto_OpenSslRsa_version(JNIEnv *env, jclass cls) {
    (void)cls;
    return (*env)->NewStringUTF(env, version_text);
}

static void throw_openssl(JNIEnv *env, const char *what) {
    char msg[512];
    char detail[256] = "no detail";
    unsigned long code = p_ERR_get_error();
    if (code != 0) {
        p_ERR_error_string_n(code, detail, sizeof detail);
    }
    p_ERR_clear_error();
    snprintf(msg, sizeof msg, "OpenSSL %s failed: %s", what, detail);
    jclass ex = (*env)->FindClass(env, "java/lang/IllegalStateException");
    if (ex != NULL) {
        (*env)->ThrowNew(env, ex, msg);
    }
}

JNIEXPORT jlong JNICALL Java_dev_galley_chef_internal_crypto_OpenSslRsa_loadKey(JNIEnv *env, jclass cls, jbyteArray der) {
    (void)cls;
    jsize len = (*env)->GetArrayLength(env, der);
    jbyte *bytes = (*env)->GetByteArrayElements(env, der, NULL);
    if (bytes == NULL) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)bytes;
    EVP_PKEY *key = p_d2i_AutoPrivateKey(NULL, &p, len);
    /* The DER holds the private key: wipe the JNI copy before releasing it. */
    memset(bytes, 0, (size_t)len);
    (*env)->ReleaseByteArrayElements(env, der, bytes, JNI_ABORT);
    if (key == NULL) {
        throw_openssl(env, "key import");
        return 0;
    }
    return (jlong)(intptr_t)key;
}

JNIEXPORT void JNICALL Java_dev_galley_chef_internal_crypto_OpenSslRsa_freeKey(JNIEnv *env, jclass cls, jlong handle) {
    (void)env;
    (void)cls;
    if (handle != 0) {
        p_EVP_PKEY_free((EVP_PKEY *)(intptr_t)handle);
    }
}

JNIEXPORT jbyteArray JNICALL Java_dev_galley_chef_internal_crypto_OpenSslRsa_sign(
        JNIEnv *env, jclass cls, jlong handle, jbyteArray input, jboolean sha256Digest) {
    (void)cls;
    EVP_PKEY *key = (EVP_PKEY *)(intptr_t)handle;
    int size = p_EVP_PKEY_get_size(key);
    if (size <= 0) {
        throw_openssl(env, "key size");
        return NULL;
    }
    jsize inLen = (*env)->GetArrayLength(env, input);
    unsigned char in[1024];
    if (inLen > (jsize)sizeof in) {
        jclass ex = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
        if (ex != NULL) {
            (*env)->ThrowNew(env, ex, "input longer than 1024 bytes");
        }
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, input, 0, inLen, (jbyte *)in);

    unsigned char *sig = malloc((size_t)size);
    if (sig == NULL) {
        return NULL;
    }
    size_t sigLen = (size_t)size;
    jbyteArray result = NULL;
    EVP_PKEY_CTX *ctx = p_EVP_PKEY_CTX_new(key, NULL);
    if (ctx == NULL || p_EVP_PKEY_sign_init(ctx) <= 0
            || p_EVP_PKEY_CTX_set_rsa_padding(ctx, GALLEY_RSA_PKCS1_PADDING) <= 0
            || (sha256Digest && p_EVP_PKEY_CTX_set_signature_md(ctx, p_EVP_sha256()) <= 0)
            || p_EVP_PKEY_sign(ctx, sig, &sigLen, in, (size_t)inLen) <= 0) {
        throw_openssl(env, "signing");
    } else {
        result = (*env)->NewByteArray(env, (jsize)sigLen);
        if (result != NULL) {
            (*env)->SetByteArrayRegion(env, result, 0, (jsize)sigLen, (const jbyte *)sig);
        }
    }
    if (ctx != NULL) {
        p_EVP_PKEY_CTX_free(ctx);
    }
    free(sig);
    return result;
}
