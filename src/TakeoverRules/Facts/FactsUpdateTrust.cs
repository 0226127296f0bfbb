using System.Security.Cryptography;

namespace TakeoverRules.Facts;

/// <summary>
/// Which facts updates a host trusts: those signed by one of its publishers' ECDSA P-256 keys (a detached signature
/// over the exact bytes of the update, SHA-256), and unsigned ones only when the host says so explicitly.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. An update that carries a signature no configured key verifies is refused even when
/// unsigned updates are allowed: a wrong signature is a tampered or misattributed file, not a missing one.
/// See <c>docs/facts.md</c> for how a publisher signs an update.
/// </remarks>
public sealed class FactsUpdateTrust
{
    /// <summary>The largest signature file accepted, in bytes (DER, IEEE P1363 or base64 of either).</summary>
    public const int MaxSignatureSize = 4096;

    private readonly byte[][] _keys;

    private FactsUpdateTrust(byte[][] keys, bool allowUnsigned)
    {
        _keys = keys;
        AllowsUnsigned = allowUnsigned;
        KeyIds = [.. keys.Select(KeyId)];
    }

    /// <summary>
    /// Trusts no publisher and accepts unsigned updates: for a host that vets its update files by other means, and
    /// for tests. Anyone who can write the update file can then change the contact points users are told to call.
    /// </summary>
    public static FactsUpdateTrust UnsignedAllowed { get; } = new([], allowUnsigned: true);

    /// <summary>Whether an update without a signature is applied.</summary>
    public bool AllowsUnsigned { get; }

    /// <summary>The identifiers of the trusted keys: the first 16 hex digits of the SHA-256 of each key's SubjectPublicKeyInfo.</summary>
    public IReadOnlyList<string> KeyIds { get; }

    /// <summary>Trusts updates signed with any of <paramref name="publisherKeys"/>.</summary>
    /// <param name="publisherKeys">Each publisher's public key as a PEM <c>PUBLIC KEY</c> block (SubjectPublicKeyInfo) of an ECDSA P-256 key.</param>
    /// <param name="allowUnsigned">Whether an update without a signature is applied as well.</param>
    /// <returns>The trust.</returns>
    /// <exception cref="ArgumentException">A key is not a P-256 public key in PEM; the message says which (by index) and why.</exception>
    public static FactsUpdateTrust Create(IEnumerable<string> publisherKeys, bool allowUnsigned = false)
    {
        ArgumentNullException.ThrowIfNull(publisherKeys);
        var keys = new List<byte[]>();
        var index = 0;
        foreach (var pem in publisherKeys)
        {
            if (TryReadKey(pem, out var spki, out var reason)) keys.Add(spki);
            else throw new ArgumentException($"publisher key [{index}]: {reason}", nameof(publisherKeys));
            index++;
        }

        return new FactsUpdateTrust([.. keys], allowUnsigned);
    }

    /// <summary>Reads one PEM public key; <paramref name="reason"/> says why it is not usable.</summary>
    internal static bool TryReadKey(string? pem, out byte[] spki, out string reason)
    {
        spki = [];
        if (string.IsNullOrWhiteSpace(pem))
        {
            reason = "is empty; expected a PEM 'PUBLIC KEY' block";
            return false;
        }

        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            reason = "is a private key; configure the publisher's PUBLIC KEY only";
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            var curve = ecdsa.ExportParameters(false).Curve;
            if (ecdsa.KeySize != 256 || !(curve.Oid.Value == "1.2.840.10045.3.1.7" || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1"))
            {
                reason = $"is a {ecdsa.KeySize}-bit key on curve {curve.Oid.FriendlyName ?? curve.Oid.Value}; expected ECDSA P-256";
                return false;
            }

            spki = ecdsa.ExportSubjectPublicKeyInfo();
            reason = "";
            return true;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            reason = $"is not an ECDSA P-256 public key in PEM ('-----BEGIN PUBLIC KEY-----'): {e.Message.TrimEnd('.')}";
            return false;
        }
    }

    /// <summary>The id of the trusted key that verifies <paramref name="signature"/> over <paramref name="data"/>, or <see langword="null"/>.</summary>
    internal string? Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (!TryDecode(signature, out var raw)) return null;
        var format = raw.Length == 64 ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation : DSASignatureFormat.Rfc3279DerSequence;
        for (var i = 0; i < _keys.Length; i++)
        {
            // ECDsa instances are not documented as thread-safe: one per verification keeps the trust shareable.
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(_keys[i], out _);
            if (ecdsa.VerifyData(data, raw, HashAlgorithmName.SHA256, format)) return KeyIds[i];
        }

        return null;
    }

    /// <summary>A signature as written by <c>openssl dgst -sign</c> (DER), as 64 bytes r‖s, or base64 of either (with or without line breaks).</summary>
    private static bool TryDecode(ReadOnlySpan<byte> signature, out byte[] raw)
    {
        raw = [];
        if (signature.Length is 0 or > MaxSignatureSize) return false;

        // A DER signature starts 0x30 <length> 0x02: 0x02 is not a base64 character, so the two never overlap.
        var text = signature.Trim(" \t\r\n"u8);
        var isBase64 = text.Length > 0;
        foreach (var b in text)
        {
            if (!(b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/' or (byte)'=' or (byte)'\r' or (byte)'\n'))
            {
                isBase64 = false;
                break;
            }
        }

        if (!isBase64)
        {
            raw = signature.ToArray();
            return true;
        }

        try
        {
            raw = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(text));
            return raw.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string KeyId(byte[] spki) => Convert.ToHexStringLower(SHA256.HashData(spki))[..16];
}
