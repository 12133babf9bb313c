package tw.jipan.sdk;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The thin hand-written layer of the Jipan Java SDK: a channel factory (TLS,
 * mTLS, x-request-id, default deadline) and bearer-token call credentials. The
 * messages and stubs are generated (gen/java, package tw.jipan.*.v1).
 */
public final class Mesh {
  public static final Metadata.Key<String> REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private Mesh() {}

  /** A plaintext channel to host:port (a development mesh, or TLS terminated by a sidecar). */
  public static ManagedChannel plaintext(String target) {
    return NettyChannelBuilder.forTarget(target).usePlaintext().intercept(defaults(10_000)).build();
  }

  /** A TLS channel verified against caFile; with certFile and keyFile (PEM, PKCS#8) also mTLS. */
  public static ManagedChannel tls(String target, File caFile, File certFile, File keyFile) throws Exception {
    // gRPC over TLS negotiates HTTP/2 with ALPN. Debian's netty 4.1.48 disables it for the JDK
    // provider and ships no netty-tcnative (OpenSSL): say so rather than fail in the handshake.
    if (!SslProvider.isAlpnSupported(SslProvider.JDK) && !SslProvider.isAlpnSupported(SslProvider.OPENSSL)) {
      throw new IllegalStateException("TLS needs ALPN (HTTP/2), which this classpath's Netty offers with "
          + "neither the JDK provider nor OpenSSL: add netty-tcnative-boringssl-static, or reach the mesh "
          + "in plaintext through a TLS-terminating sidecar");
    }
    SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(caFile);
    if (certFile != null) {
      ssl.keyManager(certFile, keyFile);
    }
    return NettyChannelBuilder.forTarget(target).sslContext(ssl.build()).intercept(defaults(10_000)).build();
  }

  /** Sets x-request-id unless the caller did, and a deadline on calls that have none. */
  public static ClientInterceptor defaults(long timeoutMs) {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        CallOptions withDeadline =
            options.getDeadline() == null ? options.withDeadlineAfter(timeoutMs, TimeUnit.MILLISECONDS) : options;
        return new ForwardingClientCall.SimpleForwardingClientCall<Q, R>(next.newCall(method, withDeadline)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            if (!headers.containsKey(REQUEST_ID)) {
              headers.put(REQUEST_ID, UUID.randomUUID().toString());
            }
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /** `authorization: Bearer <token>` from a token supplier, fetched off the caller's thread. */
  public static CallCredentials bearer(Supplier<String> tokens) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        executor.execute(() -> {
          try {
            Metadata headers = new Metadata();
            headers.put(AUTHORIZATION, "Bearer " + tokens.get());
            applier.apply(headers);
          } catch (RuntimeException e) {
            applier.fail(Status.UNAUTHENTICATED.withDescription("no access token").withCause(e));
          }
        });
      }

      @Override
      public void thisUsesUnstableApi() {}
    };
  }
}
