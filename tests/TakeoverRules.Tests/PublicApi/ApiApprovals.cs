using System.Reflection;
using PublicApiGenerator;

namespace TakeoverRules.Tests.PublicApi;

/// <summary>Shared by the test projects that pin a package's public API.</summary>
public static class ApiApprovals
{
    public static void Verify(Assembly assembly, string name)
    {
        var actual = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");

        var folder = Path.Combine(ProjectDirectory(), "PublicApi");
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (actual == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        actual.Should().Be(approved,
            "the public API changed; if intended, run UPDATE_PUBLIC_API=1 dotnet test (or copy {0} over {1}) and commit the diff",
            receivedPath, approvedPath);
    }

    private static string ProjectDirectory() =>
        typeof(ApiApprovals).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!;
}
