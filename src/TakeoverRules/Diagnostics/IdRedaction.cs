using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;

namespace TakeoverRules.Diagnostics;

/// <summary>
/// Turns account and event ids into what a log line may carry: the host's redactor for
/// <see cref="TakeoverRulesTelemetry.AccountId"/> or <see cref="TakeoverRulesTelemetry.EventId"/> when it registered one,
/// else <c>acct-</c> or <c>evt-</c> and 12 hex digits of an HMAC-SHA256 under a key made at start-up, so lines of one
/// process correlate while the id itself cannot be recovered. Event ids are redacted too because brokers often build
/// them from the account number (<c>A-2002-login-3</c>). Thread-safe.
/// </summary>
internal sealed class IdRedaction
{
    private readonly Redactor? _accounts;
    private readonly Redactor? _events;
    private readonly byte[] _key;

    public IdRedaction(IRedactorProvider? provider)
    {
        _accounts = provider?.GetRedactor(new DataClassificationSet(TakeoverRulesTelemetry.AccountId));
        _events = provider?.GetRedactor(new DataClassificationSet(TakeoverRulesTelemetry.EventId));
        _key = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The account id as a log line may carry it.</summary>
    public string Account(string account) => _accounts?.Redact(account) ?? Hash('a', account, "acct-");

    /// <summary>The event id as a log line may carry it.</summary>
    public string Event(string eventId) => _events?.Redact(eventId) ?? Hash('e', eventId, "evt-");

    // The kind letter goes into the MAC so an account and an event with the same text do not share a hash.
    private string Hash(char kind, string id, string prefix)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(id.Length) + 1;
        var buffer = maxBytes <= 256 ? stackalloc byte[256] : new byte[maxBytes];
        buffer[0] = (byte)kind;
        var length = 1 + Encoding.UTF8.GetBytes(id, buffer[1..]);
        HMACSHA256.HashData(_key, buffer[..length], mac);
        return prefix + Convert.ToHexStringLower(mac[..6]);
    }
}
