namespace TakeoverRules.Links;

/// <summary>What a link is, as far as an offline check of its address can tell.</summary>
public enum LinkVerdict
{
    /// <summary>The host is on a confirmed official domain of a broker (see <see cref="LinkCheck.Broker"/>).</summary>
    Official,

    /// <summary>
    /// The host shares a broker's group name or registrable domain but is not on the broker's confirmed official
    /// domain: probably another business of the same group, and not where the broker's customers log in.
    /// </summary>
    Related,

    /// <summary>The host imitates a broker's official domain (typo, look-alike characters, other suffix, brand plus words, brand hidden in a subdomain or user-info): likely phishing.</summary>
    Lookalike,

    /// <summary>The host resembles no broker the facts know.</summary>
    Unrelated,

    /// <summary>The check cannot tell: not a web address, an IP address, a domain listed but not confirmed, or plain <c>http</c> on a login path.</summary>
    Unknown,
}
