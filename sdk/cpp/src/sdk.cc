#include "jipan/sdk.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace jipan {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Base64Url(const std::string& data) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  int value = 0, bits = -6;
  for (unsigned char c : data) {
    value = (value << 8) + c;
    bits += 8;
    while (bits >= 0) {
      out.push_back(alphabet[(value >> bits) & 0x3F]);
      bits -= 6;
    }
  }
  if (bits > -6) out.push_back(alphabet[((value << 8) >> (bits + 8)) & 0x3F]);
  return out;
}

std::string Hex(const unsigned char* data, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 15]);
  }
  return out;
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

const char* CodeName(grpc::StatusCode code) {
  static const char* names[] = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
                                "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
                                "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
                                "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};
  int i = static_cast<int>(code);
  return i >= 0 && i <= 16 ? names[i] : "UNKNOWN";
}

}  // namespace

std::shared_ptr<grpc::Channel> MakeChannel(const ChannelOptions& options) {
  std::shared_ptr<grpc::ChannelCredentials> channel_credentials;
  if (!options.ca_file.empty()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadFile(options.ca_file);
    if (!options.cert_file.empty()) {
      ssl.pem_cert_chain = ReadFile(options.cert_file);
      ssl.pem_private_key = ReadFile(options.key_file);
    }
    channel_credentials = grpc::SslCredentials(ssl);
  } else if (!options.cert_file.empty()) {
    throw std::invalid_argument("mTLS (cert_file) needs ca_file: a client certificate is only sent over TLS");
  } else {
    channel_credentials = grpc::InsecureChannelCredentials();
  }
  return grpc::CreateChannel(options.target, channel_credentials);
}

std::unique_ptr<grpc::ClientContext> NewContext(const TokenSource& tokens, std::chrono::milliseconds timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (tokens) context->AddMetadata("authorization", "Bearer " + tokens());
  context->set_deadline(std::chrono::system_clock::now() + timeout);
  unsigned char id[16];
  RAND_bytes(id, sizeof id);
  context->AddMetadata("x-request-id", Hex(id, sizeof id));
  return context;
}

ServiceAccountTokens::ServiceAccountTokens(std::string account, const std::string& key_file, std::string issuer,
                                           std::vector<std::string> scopes, std::shared_ptr<grpc::Channel> identity)
    : account_(std::move(account)), issuer_(std::move(issuer)), scopes_(std::move(scopes)), key_(nullptr),
      stub_(identity::v1::TokenService::NewStub(identity)) {
  std::string pem = ReadFile(key_file);
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (key == nullptr || EVP_PKEY_id(key) != EVP_PKEY_ED25519) {
    if (key) EVP_PKEY_free(key);
    throw std::runtime_error(key_file + " is not a PEM Ed25519 private key");
  }
  key_ = key;
  unsigned char raw[32];
  size_t raw_len = sizeof raw;
  EVP_PKEY_get_raw_public_key(key, raw, &raw_len);
  std::string jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" +
                    Base64Url(std::string(reinterpret_cast<char*>(raw), raw_len)) + "\"}";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;
  EVP_Digest(jwk.data(), jwk.size(), digest, &digest_len, EVP_sha256(), nullptr);
  kid_ = Base64Url(std::string(reinterpret_cast<char*>(digest), digest_len));
}

ServiceAccountTokens::~ServiceAccountTokens() { EVP_PKEY_free(static_cast<EVP_PKEY*>(key_)); }

std::string ServiceAccountTokens::Assertion() {
  long now = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count());
  unsigned char jti[16];
  RAND_bytes(jti, sizeof jti);
  std::string header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":" + JsonString(kid_) + "}";
  std::string claims = "{\"iss\":" + JsonString(account_) + ",\"sub\":" + JsonString(account_) +
                       ",\"aud\":" + JsonString(issuer_) + ",\"iat\":" + std::to_string(now) +
                       ",\"exp\":" + std::to_string(now + 60) + ",\"jti\":\"" + Hex(jti, sizeof jti) + "\"}";
  std::string signing = Base64Url(header) + "." + Base64Url(claims);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  unsigned char signature[64];
  size_t signature_len = sizeof signature;
  bool ok = EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, static_cast<EVP_PKEY*>(key_)) == 1 &&
            EVP_DigestSign(ctx, signature, &signature_len, reinterpret_cast<const unsigned char*>(signing.data()),
                           signing.size()) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw std::runtime_error("cannot sign the assertion");
  return signing + "." + Base64Url(std::string(reinterpret_cast<char*>(signature), signature_len));
}

std::string ServiceAccountTokens::Token() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!token_.empty() && expires_ - std::chrono::minutes(1) > std::chrono::system_clock::now()) return token_;
  identity::v1::IssueServiceAccountTokenRequest request;
  request.set_assertion(Assertion());
  for (const auto& scope : scopes_) request.add_scopes(scope);
  identity::v1::IssueServiceAccountTokenResponse response;
  auto context = NewContext();
  grpc::Status status = stub_->IssueServiceAccountToken(context.get(), request, &response);
  if (!status.ok()) throw std::runtime_error("IssueServiceAccountToken: " + status.error_message());
  token_ = response.access_token();
  expires_ = std::chrono::system_clock::time_point(std::chrono::seconds(response.expire_time().seconds()));
  return token_;
}

TokenSource ServiceAccountTokens::Source() {
  return [this] { return Token(); };
}

MeshError DecodeError(const grpc::Status& status) {
  MeshError error;
  error.code = CodeName(status.error_code());
  error.message = status.error_message();
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) return error;
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    google::rpc::RetryInfo retry;
    if (any.UnpackTo(&info)) {
      error.reason = info.reason();
      error.domain = info.domain();
      error.metadata.insert(info.metadata().begin(), info.metadata().end());
    } else if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) {
        error.violated_fields.push_back(v.field());
        error.violation_descriptions.push_back(v.description());
      }
    } else if (any.UnpackTo(&retry)) {
      error.retry_delay = std::chrono::milliseconds(retry.retry_delay().seconds() * 1000 +
                                                    retry.retry_delay().nanos() / 1000000);
    }
  }
  return error;
}

}  // namespace jipan
