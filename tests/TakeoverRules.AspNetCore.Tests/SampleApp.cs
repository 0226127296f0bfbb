using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TakeoverRules.AspNetCore.Tests;

/// <summary>The sample sign-up app on a TestServer, with every log line collected at every level.</summary>
public class SampleApp : WebApplicationFactory<Program>
{
    private readonly Action<IServiceCollection>? _services;

    public SampleApp(Action<IServiceCollection>? services = null) => _services = services;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");

        // appsettings.json filters by category; the tests see every level of every category.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        builder.ConfigureTestServices(services => _services?.Invoke(services));
    }
}
