/*
 * JNI shim of the Java binding: starts the .NET runtime inside the JVM once (hostfxr, found through nethost), caches
 * the managed entry points of PmmlEngine.Interop.Exports, and turns their negative statuses into Java exceptions
 * built by org.pmmlengine.PmmlException.fromEngine. It holds no state per model: handles are managed objects.
 */
#include <jni.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <coreclr_delegates.h>
#include <hostfxr.h>
#include <nethost.h>

typedef int32_t (*load_fn)(const uint8_t *pmml, int32_t length, int32_t backend, int64_t *handle);
typedef int32_t (*handle_fn)(int64_t handle);
typedef int32_t (*create_fn)(int64_t evaluator, int64_t *scorer);
typedef int32_t (*score_fn)(int64_t scorer, uint8_t *buffer, int32_t input_length, int32_t capacity);
typedef int32_t (*batch_fn)(int64_t evaluator, double *inputs, int32_t input_count, double *results,
                            int32_t result_count, int32_t threads);
typedef int32_t (*text_fn)(void);
typedef int32_t (*take_fn)(uint16_t *buffer, int32_t capacity);

static struct {
    load_fn load;
    handle_fn describe, verify, release;
    create_fn create_scorer;
    score_fn score;
    batch_fn score_batch;
    text_fn last_error;
    take_fn take_text;
} api;

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static int started;
static jclass exception_class;
static jmethodID exception_factory;

/* hostfxr reports why it failed through an error writer; collected here during start. */
static char host_messages[2048];

static void HOSTFXR_CALLTYPE collect_host_message(const char_t *message) {
    size_t used = strlen(host_messages);
    snprintf(host_messages + used, sizeof host_messages - used, "%s%s", used ? "; " : "", message);
}

static void throw_named(JNIEnv *env, const char *class_name, const char *message) {
    jclass type = (*env)->FindClass(env, class_name);
    if (type != NULL)
        (*env)->ThrowNew(env, type, message);
}

static jstring take_text(JNIEnv *env, int32_t length) {
    uint16_t small[256];
    uint16_t *buffer = length <= 256 ? small : malloc(sizeof(uint16_t) * (size_t)length);
    if (buffer == NULL) {
        throw_named(env, "java/lang/OutOfMemoryError", "PmmlEngine: no memory for a message from the engine");
        return NULL;
    }
    int32_t count = api.take_text(buffer, length);
    jstring text = (*env)->NewString(env, buffer, count < 0 ? 0 : count);
    if (buffer != small)
        free(buffer);
    return text;
}

/* Throws the typed Java exception for a negative status, with the engine's detail for this thread. */
static void raise(JNIEnv *env, int32_t status) {
    jstring detail = take_text(env, api.last_error());
    if (detail == NULL)
        return;
    jobject exception = (*env)->CallStaticObjectMethod(env, exception_class, exception_factory, status, detail);
    if (exception != NULL && !(*env)->ExceptionCheck(env))
        (*env)->Throw(env, (jthrowable)exception);
}

static int resolve(load_assembly_and_get_function_pointer_fn get, const char *assembly, const char *method,
                   void **target) {
    return get(assembly, "PmmlEngine.Interop.Exports, PmmlEngine.Interop", method, UNMANAGEDCALLERSONLY_METHOD, NULL,
               target);
}

static int start_runtime(const char *runtime_config, const char *assembly, char *error, size_t error_size) {
    char hostfxr_path[4096];
    size_t size = sizeof hostfxr_path;
    struct get_hostfxr_parameters parameters = {sizeof parameters, assembly, NULL};
    int rc = get_hostfxr_path(hostfxr_path, &size, &parameters);
    if (rc != 0) {
        snprintf(error, error_size,
                 "no .NET runtime found (nethost status 0x%x): install the .NET 10 runtime or set DOTNET_ROOT",
                 (unsigned)rc);
        return 0;
    }
    void *library = dlopen(hostfxr_path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(error, error_size, "cannot load %s: %s", hostfxr_path, dlerror());
        return 0;
    }
    hostfxr_set_error_writer_fn set_writer = (hostfxr_set_error_writer_fn)dlsym(library, "hostfxr_set_error_writer");
    hostfxr_initialize_for_runtime_config_fn initialize =
        (hostfxr_initialize_for_runtime_config_fn)dlsym(library, "hostfxr_initialize_for_runtime_config");
    hostfxr_get_runtime_delegate_fn get_delegate =
        (hostfxr_get_runtime_delegate_fn)dlsym(library, "hostfxr_get_runtime_delegate");
    hostfxr_close_fn close = (hostfxr_close_fn)dlsym(library, "hostfxr_close");
    if (initialize == NULL || get_delegate == NULL || close == NULL) {
        snprintf(error, error_size, "%s lacks the hosting API (hostfxr 3.0 or later is required)", hostfxr_path);
        return 0;
    }
    host_messages[0] = '\0';
    if (set_writer != NULL)
        set_writer(collect_host_message);
    hostfxr_handle context = NULL;
    rc = initialize(runtime_config, NULL, &context);
    if (rc < 0 || context == NULL) {
        snprintf(error, error_size, "the .NET runtime did not start (hostfxr status 0x%x): %s", (unsigned)rc,
                 host_messages[0] ? host_messages : "no detail; a .NET 10 runtime is required");
        if (context != NULL)
            close(context);
        return 0;
    }
    load_assembly_and_get_function_pointer_fn get = NULL;
    rc = get_delegate(context, hdt_load_assembly_and_get_function_pointer, (void **)&get);
    close(context);
    if (set_writer != NULL)
        set_writer(NULL);
    if (rc != 0 || get == NULL) {
        snprintf(error, error_size, "hostfxr gave no loader delegate (status 0x%x)", (unsigned)rc);
        return 0;
    }
    struct { const char *name; void **target; } entries[] = {
        {"Load", (void **)&api.load},           {"Describe", (void **)&api.describe},
        {"Verify", (void **)&api.verify},       {"Release", (void **)&api.release},
        {"CreateScorer", (void **)&api.create_scorer}, {"Score", (void **)&api.score},
        {"ScoreBatch", (void **)&api.score_batch},     {"LastError", (void **)&api.last_error},
        {"TakeText", (void **)&api.take_text},
    };
    for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++) {
        rc = resolve(get, assembly, entries[i].name, entries[i].target);
        if (rc != 0 || *entries[i].target == NULL) {
            snprintf(error, error_size, "entry point %s not found in %s (status 0x%x)", entries[i].name, assembly,
                     (unsigned)rc);
            return 0;
        }
    }
    return 1;
}

JNIEXPORT void JNICALL Java_org_pmmlengine_NativeEngine_start(JNIEnv *env, jclass type, jstring runtime_config,
                                                                jstring assembly) {
    (void)type;
    pthread_mutex_lock(&start_lock);
    if (!started) {
        jclass found = (*env)->FindClass(env, "org/pmmlengine/PmmlException");
        if (found != NULL) {
            exception_class = (*env)->NewGlobalRef(env, found);
            exception_factory = (*env)->GetStaticMethodID(env, exception_class, "fromEngine",
                                                          "(ILjava/lang/String;)Lorg/pmmlengine/PmmlException;");
        }
        const char *config = (*env)->GetStringUTFChars(env, runtime_config, NULL);
        const char *path = (*env)->GetStringUTFChars(env, assembly, NULL);
        char error[8192] = "";
        if (exception_factory != NULL && config != NULL && path != NULL) {
            if (start_runtime(config, path, error, sizeof error))
                started = 1;
            else
                throw_named(env, "java/lang/UnsatisfiedLinkError", error);
        }
        if (config != NULL)
            (*env)->ReleaseStringUTFChars(env, runtime_config, config);
        if (path != NULL)
            (*env)->ReleaseStringUTFChars(env, assembly, path);
    }
    pthread_mutex_unlock(&start_lock);
}

JNIEXPORT jlong JNICALL Java_org_pmmlengine_NativeEngine_load(JNIEnv *env, jclass type, jbyteArray pmml,
                                                                jint backend) {
    (void)type;
    jsize length = (*env)->GetArrayLength(env, pmml);
    uint8_t *bytes = malloc(length > 0 ? (size_t)length : 1);
    if (bytes == NULL) {
        throw_named(env, "java/lang/OutOfMemoryError", "PmmlEngine: no memory for the PMML document");
        return 0;
    }
    (*env)->GetByteArrayRegion(env, pmml, 0, length, (jbyte *)bytes);
    int64_t handle = 0;
    int32_t status = api.load(bytes, length, backend, &handle);
    free(bytes);
    if (status < 0)
        raise(env, status);
    return handle;
}

static jstring text_result(JNIEnv *env, int32_t length) {
    if (length < 0) {
        raise(env, length);
        return NULL;
    }
    return take_text(env, length);
}

JNIEXPORT jstring JNICALL Java_org_pmmlengine_NativeEngine_describe(JNIEnv *env, jclass type, jlong evaluator) {
    (void)type;
    return text_result(env, api.describe(evaluator));
}

JNIEXPORT jstring JNICALL Java_org_pmmlengine_NativeEngine_verify(JNIEnv *env, jclass type, jlong evaluator) {
    (void)type;
    return text_result(env, api.verify(evaluator));
}

JNIEXPORT jlong JNICALL Java_org_pmmlengine_NativeEngine_createScorer(JNIEnv *env, jclass type, jlong evaluator) {
    (void)type;
    int64_t scorer = 0;
    int32_t status = api.create_scorer(evaluator, &scorer);
    if (status < 0)
        raise(env, status);
    return scorer;
}

JNIEXPORT jint JNICALL Java_org_pmmlengine_NativeEngine_score(JNIEnv *env, jclass type, jlong scorer, jlong address,
                                                                jint input_length, jint capacity) {
    (void)type;
    int32_t result = api.score(scorer, (uint8_t *)(intptr_t)address, input_length, capacity);
    if (result < 0)
        raise(env, result);
    return result;
}

/* Heap arrays are pinned for the call: the engine reads and writes them in place, on several threads. */
JNIEXPORT jint JNICALL Java_org_pmmlengine_NativeEngine_scoreBatch(JNIEnv *env, jclass type, jlong evaluator,
                                                                     jdoubleArray inputs, jdoubleArray results,
                                                                     jint threads) {
    (void)type;
    jsize input_count = (*env)->GetArrayLength(env, inputs);
    jsize result_count = (*env)->GetArrayLength(env, results);
    double *in = (*env)->GetPrimitiveArrayCritical(env, inputs, NULL);
    double *out = in == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, results, NULL);
    int32_t status = 0;
    if (out != NULL)
        status = api.score_batch(evaluator, in, input_count, out, result_count, threads);
    if (out != NULL)
        (*env)->ReleasePrimitiveArrayCritical(env, results, out, 0);
    if (in != NULL)
        (*env)->ReleasePrimitiveArrayCritical(env, inputs, in, JNI_ABORT);
    if (out == NULL) {
        throw_named(env, "java/lang/OutOfMemoryError", "PmmlEngine: the batch arrays could not be pinned");
        return 0;
    }
    if (status < 0)
        raise(env, status);
    return status;
}

/* Direct buffers: offsets and counts in doubles, checked against the buffers' capacities on the Java side. */
JNIEXPORT jint JNICALL Java_org_pmmlengine_NativeEngine_scoreBatchDirect(JNIEnv *env, jclass type, jlong evaluator,
                                                                           jobject inputs, jint input_offset,
                                                                           jint input_count, jobject results,
                                                                           jint result_offset, jint result_count,
                                                                           jint threads) {
    (void)type;
    double *in = (*env)->GetDirectBufferAddress(env, inputs);
    double *out = (*env)->GetDirectBufferAddress(env, results);
    if (in == NULL || out == NULL) {
        throw_named(env, "java/lang/IllegalArgumentException", "PmmlEngine: batch buffers must be direct");
        return 0;
    }
    int32_t status = api.score_batch(evaluator, in + input_offset, input_count, out + result_offset, result_count,
                                     threads);
    if (status < 0)
        raise(env, status);
    return status;
}

JNIEXPORT void JNICALL Java_org_pmmlengine_NativeEngine_release(JNIEnv *env, jclass type, jlong handle) {
    (void)type;
    int32_t status = api.release(handle);
    if (status < 0)
        raise(env, status);
}

JNIEXPORT jlong JNICALL Java_org_pmmlengine_NativeEngine_address(JNIEnv *env, jclass type, jobject buffer) {
    (void)type;
    return (jlong)(intptr_t)(*env)->GetDirectBufferAddress(env, buffer);
}
