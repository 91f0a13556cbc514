package com.coachstream.notifier.cli;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.cli.SettingsErrors;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.ops.ServiceRunner;
import com.coachstream.notifier.NotifierService;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code coachstream notify}: runs the notifier until Ctrl-C. */
@Command(name = "notify", mixinStandardHelpOptions = true,
    description = "Deliver coaching alerts to Slack, Teams, e-mail, webhooks or the log, once per route.")
public final class NotifyCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    ServiceRunner.runUntilShutdown("notifier", NotifierService.start(common.settings(Service.NOTIFIER, Map.of())));
    return 0;
  }

  public static void main(String[] args) {
    System.exit(SettingsErrors.reported(new picocli.CommandLine(new NotifyCommand())).execute(args));
  }
}
