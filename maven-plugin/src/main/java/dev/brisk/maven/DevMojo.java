package dev.brisk.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Placeholder. */
@Mojo(name = "dev")
public class DevMojo extends AbstractMojo {
    @Override
    public void execute() {
    }
}
