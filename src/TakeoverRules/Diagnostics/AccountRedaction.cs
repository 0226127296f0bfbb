using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace TakeoverRules.Diagnostics;

/// <summary>
/// Turns an account id into what a log line may carry: the host's redactor for <see cref="TakeoverRulesTelemetry.AccountId"/>
/// when it registered one, else <c>acct-</c> and 12 hex digits of an HMAC-SHA256 under a key made at start-up, so
/// lines of one process correlate while the id itself (a small, guessable space) cannot be recovered. Thread-safe.
/// </summary>
internal sealed class AccountRedaction
{
    private readonly Redactor? _redactor;
    private readonly byte[] _key;

    public AccountRedaction(IRedactorProvider? provider)
    {
        _redactor = provider?.GetRedactor(new DataClassificationSet(TakeoverRulesTelemetry.AccountId));
        _key = RandomNumberGenerator.GetBytes(32);
    }

    public string Redact(string account)
    {
        if (_redactor is not null) return _redactor.Redact(account);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(account.Length);
        var buffer = maxBytes <= 256 ? stackalloc byte[256] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(account, buffer);
        HMACSHA256.HashData(_key, buffer[..length], mac);
        return "acct-" + Convert.ToHexStringLower(mac[..6]);
    }
}
