// The C++ SDK example: a service-account token, GetWhoAmI, a paginated
// SearchListings in Chinese, and two refused calls with their error details.
//   JIPAN_TARGET=127.0.0.1:50051 JIPAN_TOKEN_ISSUER=... JIPAN_SERVICE_ACCOUNT=services/... \
//   JIPAN_SERVICE_ACCOUNT_KEY_FILE=key.pem ./jipan_example
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>
#include <iostream>
#include <string>

#include "jipan/procurement/v1/catalog_service.grpc.pb.h"
#include "jipan/sdk.h"
#include "jipan/system/v1/system_service.grpc.pb.h"

namespace {
std::string Env(const char* name, const std::string& fallback = "") {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}
}  // namespace

int main() {
  namespace procurement = jipan::procurement::v1;
  // TLS when JIPAN_TLS_CA_FILE is set; mTLS with JIPAN_TLS_CERT_FILE and JIPAN_TLS_KEY_FILE too.
  auto channel = jipan::MakeChannel({Env("JIPAN_TARGET", "127.0.0.1:50051"), Env("JIPAN_TLS_CA_FILE"),
                                     Env("JIPAN_TLS_CERT_FILE"), Env("JIPAN_TLS_KEY_FILE")});
  jipan::ServiceAccountTokens accounts(Env("JIPAN_SERVICE_ACCOUNT"), Env("JIPAN_SERVICE_ACCOUNT_KEY_FILE"),
                                       Env("JIPAN_TOKEN_ISSUER"), {"procurement.read"}, channel);
  auto tokens = accounts.Source();

  auto system = jipan::system::v1::SystemService::NewStub(channel);
  if (double seconds = std::stod(Env("JIPAN_BENCH_SECONDS", "0")); seconds > 0) {
    // GetWhoAmI round trips per second from N threads (bench/sdks.py).
    int concurrency = std::stoi(Env("JIPAN_BENCH_CONCURRENCY", "16"));
    jipan::system::v1::GetWhoAmIResponse warm;
    if (!system->GetWhoAmI(jipan::NewContext(tokens).get(), {}, &warm).ok()) return 1;
    std::atomic<long> done{0};
    std::atomic<bool> failed{false};
    auto start = std::chrono::steady_clock::now();
    auto end = start + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (int i = 0; i < concurrency; ++i) {
      threads.emplace_back([&] {
        while (std::chrono::steady_clock::now() < end) {
          jipan::system::v1::GetWhoAmIResponse response;
          if (!system->GetWhoAmI(jipan::NewContext(tokens).get(), {}, &response).ok()) failed = true;
          ++done;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("rps %.1f\n", done / took);
    return failed ? 1 : 0;
  }
  jipan::system::v1::GetWhoAmIResponse who;
  grpc::Status status = system->GetWhoAmI(jipan::NewContext(tokens).get(), {}, &who);
  if (!status.ok()) {
    std::cerr << "GetWhoAmI: " << status.error_message() << "\n";
    return 1;
  }
  std::cout << "whoami " << who.principal().subject() << "\n";

  auto catalog = procurement::CatalogService::NewStub(channel);
  std::string query = Env("JIPAN_EXAMPLE_QUERY", "雲端備份");
  int page_size = std::stoi(Env("JIPAN_EXAMPLE_PAGE_SIZE", "2"));
  std::string page_token;
  int page = 0;
  do {
    procurement::SearchListingsRequest request;
    request.set_query(query);
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    procurement::SearchListingsResponse response;
    status = catalog->SearchListings(jipan::NewContext(tokens).get(), request, &response);
    if (!status.ok()) {
      std::cerr << "SearchListings: " << status.error_message() << "\n";
      return 1;
    }
    std::cout << "page " << ++page << " " << response.listings_size() << "\n";
    for (const auto& listing : response.listings()) std::cout << "listing " << listing.name() << "\n";
    page_token = response.next_page_token();
  } while (!page_token.empty());

  procurement::CreateLotRequest create;
  create.mutable_lot()->set_display_name("不允許");
  procurement::CreateLotResponse created;
  status = catalog->CreateLot(jipan::NewContext(tokens).get(), create, &created);
  if (!status.ok()) {
    jipan::MeshError e = jipan::DecodeError(status);
    std::cout << "refused " << e.code << " " << e.reason << " " << e.domain << "\n";
  }
  procurement::SearchListingsRequest invalid;
  invalid.set_query(query);
  invalid.set_page_size(-1);
  procurement::SearchListingsResponse ignored;
  status = catalog->SearchListings(jipan::NewContext(tokens).get(), invalid, &ignored);
  if (!status.ok()) {
    jipan::MeshError e = jipan::DecodeError(status);
    std::cout << "invalid " << e.code << " " << e.reason;
    for (const auto& field : e.violated_fields) std::cout << " " << field;
    std::cout << "\n";
  }
  return 0;
}
