// The browser half of identity's passkey ceremonies: the server's options JSON
// (base64url) in, navigator.credentials out, the credential as the JSON the
// server's Finish* methods verify. Same shapes as servers/identity/webdev.py.
import { fromB64url, toB64url } from "./b64";

interface CredentialDescriptorJson { id: string; type: string; transports?: string[] }

export function creationOptions(optionsJson: string): CredentialCreationOptions {
  const options = JSON.parse(optionsJson);
  options.challenge = fromB64url(options.challenge);
  options.user.id = fromB64url(options.user.id);
  for (const c of (options.excludeCredentials ?? []) as CredentialDescriptorJson[]) (c as unknown as { id: ArrayBuffer }).id = fromB64url(c.id);
  return { publicKey: options };
}

export function requestOptions(optionsJson: string): CredentialRequestOptions {
  const options = JSON.parse(optionsJson);
  options.challenge = fromB64url(options.challenge);
  for (const c of (options.allowCredentials ?? []) as CredentialDescriptorJson[]) (c as unknown as { id: ArrayBuffer }).id = fromB64url(c.id);
  return { publicKey: options };
}

function credentialJson(credential: PublicKeyCredential, response: Record<string, unknown>): string {
  return JSON.stringify({
    id: credential.id,
    rawId: toB64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment,
    clientExtensionResults: credential.getClientExtensionResults(),
    response,
  });
}

export async function createCredential(optionsJson: string): Promise<string> {
  const credential = (await navigator.credentials.create(creationOptions(optionsJson))) as PublicKeyCredential | null;
  if (!credential) throw new Error("no credential was created");
  const r = credential.response as AuthenticatorAttestationResponse;
  return credentialJson(credential, {
    clientDataJSON: toB64url(r.clientDataJSON),
    attestationObject: toB64url(r.attestationObject),
    transports: r.getTransports ? r.getTransports() : [],
  });
}

export async function getCredential(optionsJson: string): Promise<string> {
  const credential = (await navigator.credentials.get(requestOptions(optionsJson))) as PublicKeyCredential | null;
  if (!credential) throw new Error("no credential was chosen");
  const r = credential.response as AuthenticatorAssertionResponse;
  return credentialJson(credential, {
    clientDataJSON: toB64url(r.clientDataJSON),
    authenticatorData: toB64url(r.authenticatorData),
    signature: toB64url(r.signature),
    userHandle: r.userHandle ? toB64url(r.userHandle) : null,
  });
}
