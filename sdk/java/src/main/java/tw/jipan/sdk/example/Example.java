package tw.jipan.sdk.example;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import tw.jipan.procurement.v1.CatalogServiceGrpc;
import tw.jipan.procurement.v1.CreateLotRequest;
import tw.jipan.procurement.v1.Listing;
import tw.jipan.procurement.v1.Lot;
import tw.jipan.procurement.v1.SearchListingsRequest;
import tw.jipan.procurement.v1.SearchListingsResponse;
import tw.jipan.sdk.Mesh;
import tw.jipan.sdk.MeshError;
import tw.jipan.sdk.ServiceAccountTokens;
import tw.jipan.system.v1.GetWhoAmIRequest;
import tw.jipan.system.v1.GetWhoAmIResponse;
import tw.jipan.system.v1.SystemServiceGrpc;

/**
 * The Java SDK example: a service-account token, GetWhoAmI, a paginated
 * SearchListings in Chinese, and two refused calls with their error details.
 * Environment: JIPAN_TARGET, JIPAN_TOKEN_ISSUER, JIPAN_SERVICE_ACCOUNT, JIPAN_SERVICE_ACCOUNT_KEY_FILE.
 */
public final class Example {
  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }

  /** GetWhoAmI round trips per second from `concurrency` threads (bench/sdks.py). */
  static double bench(SystemServiceGrpc.SystemServiceBlockingStub system, double seconds, int concurrency)
      throws InterruptedException {
    system.getWhoAmI(GetWhoAmIRequest.getDefaultInstance());
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    Thread[] threads = new Thread[concurrency];
    for (int i = 0; i < concurrency; i++) {
      threads[i] = new Thread(() -> {
        while (System.nanoTime() < end) {
          system.getWhoAmI(GetWhoAmIRequest.getDefaultInstance());
          done.incrementAndGet();
        }
      });
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  public static void main(String[] args) throws Exception {
    String target = env("JIPAN_TARGET", "127.0.0.1:50051");
    // TLS when JIPAN_TLS_CA_FILE is set; mTLS with JIPAN_TLS_CERT_FILE and JIPAN_TLS_KEY_FILE too.
    String caFile = env("JIPAN_TLS_CA_FILE", "");
    String certFile = env("JIPAN_TLS_CERT_FILE", "");
    String keyFile = env("JIPAN_TLS_KEY_FILE", "");
    ManagedChannel channel = caFile.isEmpty()
        ? Mesh.plaintext(target)
        : Mesh.tls(target, new File(caFile), certFile.isEmpty() ? null : new File(certFile),
            keyFile.isEmpty() ? null : new File(keyFile));
    try {
      ServiceAccountTokens tokens = new ServiceAccountTokens(System.getenv("JIPAN_SERVICE_ACCOUNT"),
          Path.of(System.getenv("JIPAN_SERVICE_ACCOUNT_KEY_FILE")), System.getenv("JIPAN_TOKEN_ISSUER"),
          List.of("procurement.read"), channel);
      SystemServiceGrpc.SystemServiceBlockingStub system =
          SystemServiceGrpc.newBlockingStub(channel).withCallCredentials(Mesh.bearer(tokens));
      double seconds = Double.parseDouble(env("JIPAN_BENCH_SECONDS", "0"));
      if (seconds > 0) {
        System.out.printf("rps %.1f%n", bench(system, seconds, Integer.parseInt(env("JIPAN_BENCH_CONCURRENCY", "16"))));
        return;
      }
      GetWhoAmIResponse who = system.getWhoAmI(GetWhoAmIRequest.getDefaultInstance());
      System.out.println("whoami " + who.getPrincipal().getSubject());

      CatalogServiceGrpc.CatalogServiceBlockingStub catalog =
          CatalogServiceGrpc.newBlockingStub(channel).withCallCredentials(Mesh.bearer(tokens));
      String query = env("JIPAN_EXAMPLE_QUERY", "雲端備份");
      int pageSize = Integer.parseInt(env("JIPAN_EXAMPLE_PAGE_SIZE", "2"));
      String token = "";
      int page = 0;
      do {
        SearchListingsResponse response = catalog.searchListings(
            SearchListingsRequest.newBuilder().setQuery(query).setPageSize(pageSize).setPageToken(token).build());
        System.out.println("page " + (++page) + " " + response.getListingsCount());
        for (Listing listing : response.getListingsList()) {
          System.out.println("listing " + listing.getName());
        }
        token = response.getNextPageToken();
      } while (!token.isEmpty());

      try {
        catalog.createLot(CreateLotRequest.newBuilder().setLot(Lot.newBuilder().setDisplayName("不允許")).build());
      } catch (StatusRuntimeException err) {
        MeshError e = MeshError.from(err);
        System.out.println("refused " + e.code + " " + e.reason + " " + e.domain);
      }
      try {
        catalog.searchListings(SearchListingsRequest.newBuilder().setQuery(query).setPageSize(-1).build());
      } catch (StatusRuntimeException err) {
        MeshError e = MeshError.from(err);
        String fields = e.fieldViolations.stream().map(v -> v.getField()).collect(Collectors.joining(" "));
        System.out.println("invalid " + e.code + " " + e.reason + " " + fields);
      }
    } finally {
      channel.shutdownNow();
    }
  }
}
