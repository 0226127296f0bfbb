namespace TakeoverRules.Facts;

/// <summary>How much weight a source (or a fact) carries, graded as in the research notes. Lower values are stronger.</summary>
public enum EvidenceGrade
{
    /// <summary>A regulator, industry association, statute text or broker page.</summary>
    Primary,

    /// <summary>A wire service or newspaper (Jiji, Kyodo, Bloomberg, Nikkei, NHK, ITmedia and similar), often read through a syndication copy.</summary>
    Press,

    /// <summary>A personal blog, AI-generated explainer, repost or aggregator site, or a reliable text read on such a host.</summary>
    LowAuthority,

    /// <summary>Reported but not confirmed by the sources consulted; never presented as established.</summary>
    Unverified,
}
