// The thin hand-written layer of the Jipan C++ SDK: a channel factory (TLS,
// mTLS, bearer token), client contexts with x-request-id and a deadline,
// service-account credentials (RFC 7523 assertion against identity) and
// google.rpc error details. Messages and stubs are generated (gen/cpp).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "jipan/identity/v1/token_service.grpc.pb.h"

namespace jipan {

// Yields a current access token (called before every call).
using TokenSource = std::function<std::string()>;

struct ChannelOptions {
  std::string target;     // host:port
  std::string ca_file;    // PEM roots: TLS when set, plaintext otherwise
  std::string cert_file;  // mTLS client certificate chain (PEM)
  std::string key_file;   // mTLS client key (PEM)
};

// A channel to the mesh.
std::shared_ptr<grpc::Channel> MakeChannel(const ChannelOptions& options);

// A ClientContext with x-request-id (random), a deadline (default 10 s) and,
// with a token source, `authorization: Bearer <token>` (per context rather
// than call credentials, which gRPC withholds on plaintext channels: a
// development mesh, or TLS terminated by a sidecar).
std::unique_ptr<grpc::ClientContext> NewContext(const TokenSource& tokens = {},
                                                std::chrono::milliseconds timeout = std::chrono::seconds(10));

// Access tokens of a service account, as jipan.clients.service_tokens does in
// Python: a 60-second assertion signed Ed25519 (OpenSSL; kid = RFC 7638 JWK
// thumbprint; fresh jti) exchanged at TokenService.IssueServiceAccountToken,
// cached and renewed a minute before expiry, one renewal at a time.
class ServiceAccountTokens {
 public:
  ServiceAccountTokens(std::string account, const std::string& key_file, std::string issuer,
                       std::vector<std::string> scopes, std::shared_ptr<grpc::Channel> identity);
  ~ServiceAccountTokens();
  std::string Token();  // throws std::runtime_error when identity refuses
  TokenSource Source();

 private:
  std::string Assertion();
  std::string account_, issuer_, kid_;
  std::vector<std::string> scopes_;
  void* key_;  // EVP_PKEY*
  std::unique_ptr<identity::v1::TokenService::Stub> stub_;
  std::mutex mutex_;
  std::string token_;
  std::chrono::system_clock::time_point expires_;
};

// A refused call with its google.rpc.Status details.
struct MeshError {
  std::string code;  // e.g. "PERMISSION_DENIED"
  std::string message;
  std::string reason, domain;  // ErrorInfo
  std::map<std::string, std::string> metadata;
  std::vector<std::string> violated_fields;  // BadRequest field violations' fields
  std::vector<std::string> violation_descriptions;
  std::chrono::milliseconds retry_delay{-1};  // RetryInfo; -1 when absent
};
MeshError DecodeError(const grpc::Status& status);

}  // namespace jipan
