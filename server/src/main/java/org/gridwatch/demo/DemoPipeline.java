package org.gridwatch.demo;

import java.util.ArrayList;
import java.util.List;
import org.gridwatch.startup.StartupStep;
import org.gridwatch.startup.StartupSteps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The demo's part of start-up, after the product has loaded its own state: the demo data when enabled
 * ({@link DemoData}), then the demo accounts, which a deployment without the demo data still signs in with
 * ({@link DemoAccounts}), and the demo Open311 client's key ({@link DemoOpen311Key}). Logged and shown on every page as "demo 2/7: the roster …".
 */
@Component
class DemoPipeline implements StartupSteps {
  private final ObjectProvider<DemoData> data;
  private final DemoAccounts accounts;
  private final DemoOpen311Key open311Key;

  DemoPipeline(ObjectProvider<DemoData> data, DemoAccounts accounts, DemoOpen311Key open311Key) {
    this.data = data;
    this.accounts = accounts;
    this.open311Key = open311Key;
  }

  @Override public String stage() { return "demo"; }

  @Override public String titleZh() { return "正在导入演示数据"; }

  @Override public String titleEn() { return "Importing the demo data"; }

  @Override
  public List<StartupStep> steps() {
    List<StartupStep> steps = new ArrayList<>();
    DemoData enabled = data.getIfAvailable();
    if (enabled != null) steps.addAll(enabled.steps());
    steps.add(new StartupStep("accounts", "演示账户", "the demo accounts", accounts::seed));
    steps.add(new StartupStep("open311-key", "演示 Open311 客户端密钥", "the demo Open311 client key", open311Key::seed));
    return steps;
  }
}
