namespace HealthCode.Api.Tests.Support;

public static class Keys
{
    public const string Checkpoint = "checkpoint-key-0123456789";
    public const string Integrator = "integrator-key-0123456789";
    public const string BeijingPublisher = "beijing-publisher-key-0123";
    public const string Admin = "admin-key-0123456789abcdef";
}
