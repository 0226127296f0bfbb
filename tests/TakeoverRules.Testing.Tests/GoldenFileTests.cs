namespace TakeoverRules.Testing.Tests;

public sealed class GoldenFileTests
{
    [Fact]
    public void A_golden_file_in_a_folder_that_does_not_exist_fails_with_the_reason_instead_of_throwing()
    {
        var path = Path.Combine(Path.GetTempPath(), "_" + Guid.NewGuid().ToString("N"), "Golden", "x.txt");

        var problem = GoldenFile.Compare(path, "decision\n");

        problem.Should().Contain("does not exist").And.Contain("ContinuousIntegrationBuild");
        File.Exists(path).Should().BeFalse();
    }
}
