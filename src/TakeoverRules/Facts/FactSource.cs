namespace TakeoverRules.Facts;

/// <summary>A page a fact was read from.</summary>
/// <param name="Id">Stable identifier of the source within the facts data (for example <c>fsa-chuui-phishing</c>).</param>
/// <param name="Title">The page's title or headline, in its own language.</param>
/// <param name="Publisher">Who published it, and through which copy it was read when that differs (for example <c>Jiji via risktaisaku.com</c>).</param>
/// <param name="Url">The address that was actually read, or <see langword="null"/> when the research notes name the page but did not record its full address.</param>
/// <param name="Published">The date the page carries, or <see langword="null"/> when it carries none.</param>
/// <param name="Grade">How much weight the source carries.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record FactSource(string Id, string Title, string Publisher, Uri? Url, FactDate? Published, EvidenceGrade Grade);
