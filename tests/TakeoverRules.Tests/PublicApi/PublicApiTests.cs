namespace TakeoverRules.Tests.PublicApi;

/// <summary>
/// Pins the public API so every change to it is a reviewed diff. To accept an intended change run
/// <c>UPDATE_PUBLIC_API=1 dotnet test</c> (or copy the <c>.received.txt</c> file over the <c>.approved.txt</c> one) and commit the diff.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_of_TakeoverRules_matches_the_approved_text() =>
        ApiApprovals.Verify(typeof(TakeoverRulesOptions).Assembly, "TakeoverRules");
}
