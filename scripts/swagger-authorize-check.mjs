// Drives Swagger UI (served by the app, offline) in headless Chromium with playwright-core: logs in
// through each scheme's Authorize dialog and calls the protected operations, checking the answers.
//   node swagger-authorize-check.mjs <base URL> <chromium path> <screenshot path>
import { chromium } from 'playwright-core';

const [base, executablePath, shot] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { console.log(`swagger-authorize: ${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const offsite = [];
  page.on('request', r => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) offsite.push(r.url()); });
  await page.goto(`${base}/docs`);
  await page.waitForSelector('.swagger-ui .opblock-summary', { timeout: 20000 });

  // The Authorize dialog lists every scheme.
  await page.click('button.authorize');
  const dialog = page.locator('.modal-ux');
  await dialog.waitFor();
  for (const name of ['OAuth2PasswordBearer', 'HTTPBasic', 'APIKeyHeader']) {
    check(await dialog.getByText(name, { exact: false }).count() > 0, `the Authorize dialog shows ${name}`);
  }

  // OAuth2 password flow: Swagger UI posts the form to tokenUrl and keeps the token.
  const oauth = dialog.locator('.auth-container').filter({ hasText: 'OAuth2PasswordBearer' });
  await oauth.locator('#oauth_username').fill('alice');
  await oauth.locator('#oauth_password').fill('wonderland');
  const token = page.waitForResponse(r => r.url().endsWith('/tour/token'));
  await oauth.locator('button.authorize').click();
  const tokenResponse = await token;
  check(tokenResponse.status() === 200, `POST /tour/token answered ${tokenResponse.status()}`);
  await oauth.getByText('Authorized').first().waitFor({ timeout: 10000 });
  check(true, 'the OAuth2 password flow authorized');

  // HTTP Basic and the API key.
  const basic = dialog.locator('.auth-container').filter({ hasText: 'HTTPBasic' });
  await basic.locator('input').nth(0).fill('admin');
  await basic.locator('input[type=password]').fill('secret');
  await basic.locator('button.authorize').click();
  const key = dialog.locator('.auth-container').filter({ hasText: 'APIKeyHeader' });
  await key.locator('input').fill('k-123');
  await key.locator('button.authorize').click();
  await page.click('.modal-ux button.close-modal');

  // Each protected operation, through "Try it out" / "Execute".
  async function call(opId, path) {
    const block = page.locator(`#operations-security-${opId}`);
    await block.locator('.opblock-summary').click();
    await block.locator('button.try-out__btn').click();
    const answer = page.waitForResponse(r => r.url().endsWith(path) && r.request().method() === 'GET');
    await block.locator('button.execute').click();
    const response = await answer;
    await block.locator('.live-responses-table .response-col_status').first().waitFor();
    return { status: response.status(), body: await response.text() };
  }
  const me = await call('me', '/tour/me');
  check(me.status === 200 && me.body.includes('"alice"'), `GET /tour/me with the token: ${me.status} ${me.body}`);
  const admin = await call('admin', '/tour/admin');
  check(admin.status === 403, `GET /tour/admin without the admin scope: ${admin.status} ${admin.body}`);
  const basicAnswer = await call('basic', '/tour/basic');
  check(basicAnswer.status === 200 && basicAnswer.body.includes('"admin"'), `GET /tour/basic with admin/secret: ${basicAnswer.status} ${basicAnswer.body}`);
  const keyAnswer = await call('key', '/tour/key');
  check(keyAnswer.status === 200, `GET /tour/key with the API key: ${keyAnswer.status} ${keyAnswer.body}`);

  check(offsite.length === 0, `no request left ${base} (${offsite.join(', ') || 'none'})`);
  if (shot) await page.screenshot({ path: shot, fullPage: false });
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`swagger-authorize: FAILED (${failures.length})`);
  process.exit(1);
}
console.log('swagger-authorize: OK');
