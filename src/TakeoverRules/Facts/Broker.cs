namespace TakeoverRules.Facts;

/// <summary>A web domain of a broker and whether the sources confirm it as official.</summary>
/// <param name="Name">The registrable domain, for example <c>rakuten-sec.co.jp</c>.</param>
/// <param name="Confirmed">Whether a URL on this domain was seen on the broker's own pages; unconfirmed domains are listed only to say they are unconfirmed.</param>
/// <param name="Note">Why it is listed, or why it is unconfirmed.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BrokerDomain(string Name, bool Confirmed, BilingualText? Note);

/// <summary>A securities firm affected by the 2025 takeovers.</summary>
/// <param name="Id">Stable identifier used across the data and the CLI (for example <c>rakuten</c>, <c>sbi</c>, <c>nomura</c>).</param>
/// <param name="Name">The firm's name.</param>
/// <param name="Domains">Official web domains; only <see cref="BrokerDomain.Confirmed"/> ones are confirmed.</param>
/// <param name="FirstReported">The fact recording when fraud at the firm was first reported, or <see langword="null"/> when not found.</param>
/// <param name="InJsdaAgreement">Whether the firm is one of the ten firms of the JSDA agreement of 2025-05-02.</param>
/// <param name="Sources">Where the domains were seen.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Broker(
    string Id,
    BilingualText Name,
    IReadOnlyList<BrokerDomain> Domains,
    Fact? FirstReported,
    bool InJsdaAgreement,
    IReadOnlyList<FactSource> Sources);
