using System.Reflection;
using System.Text.RegularExpressions;

namespace TakeoverRules.Tests;

/// <summary>
/// The example on each package's NuGet page is the code of a console project the solution builds
/// (tests/ReadmeExamples), so a page that users copy from cannot stop compiling unnoticed.
/// </summary>
public sealed partial class PackageReadmeTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(
        typeof(PackageReadmeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!, "..", ".."));

    [Theory]
    [InlineData("src/TakeoverRules/README.md", "tests/ReadmeExamples/Core/Program.cs")]
    [InlineData("src/TakeoverRules.Testing/README.md", "tests/ReadmeExamples/Testing/Program.cs")]
    public void The_readme_example_is_the_code_of_a_project_the_build_compiles(string readme, string program)
    {
        var page = File.ReadAllText(Path.Combine(Root, readme)).ReplaceLineEndings("\n");
        var example = CSharpBlock().Match(page);

        example.Success.Should().BeTrue($"{readme} has a C# example");
        File.ReadAllText(Path.Combine(Root, program)).ReplaceLineEndings("\n").Should().Be(example.Groups["code"].Value,
            $"{program} is {readme}'s first C# block, character for character (copy the block there after editing the page)");
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
