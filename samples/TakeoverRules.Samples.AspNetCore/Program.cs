using Microsoft.AspNetCore.Identity;
using TakeoverRules;
using TakeoverRules.AspNetCore;
using TakeoverRules.Samples.AspNetCore;

// A sign-up service: Identity with the TakeoverRules password validator, and live strength feedback for the form.
// Everything TakeoverRules needs comes from the "TakeoverRules" section of appsettings.json.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTakeoverRules(builder.Configuration.GetSection("TakeoverRules"));
builder.Services.AddIdentityCore<IdentityUser>()
    .AddUserStore<InMemoryUserStore>() // a real app uses AddEntityFrameworkStores<TContext>()
    .AddTakeoverRulesPasswordValidator();

var app = builder.Build();
app.MapPasswordStrength("/password-strength");
app.MapPost("/register", async (RegisterRequest request, UserManager<IdentityUser> users) =>
{
    var result = await users.CreateAsync(new IdentityUser { UserName = request.UserName, Email = request.Email }, request.Password);
    return result.Succeeded
        ? Results.Ok()
        : Results.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
});
app.Run();

/// <summary>The program, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
