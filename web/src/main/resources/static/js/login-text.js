// The sign-in page's texts (login.html), in both languages.
import { addTexts } from './i18n.js';

addTexts({
  signInTitle: '登录', username: '用户名', password: '密码', signInButton: '登录', backToPage: '返回',
  wrongPassword: '用户名或密码不对，请重试。',
  demoPasswordHint: '演示系统：演示账户（admin、operator、planner 等）的密码在首次启动时打印在服务器日志中（搜索“generated password”），除非启动时用 gridwatch.demo-password 指定了密码。',
}, {
  signInTitle: 'Sign in', username: 'Username', password: 'Password', signInButton: 'Sign in', backToPage: 'Back',
  wrongPassword: 'Wrong username or password; please try again.',
  demoPasswordHint: 'Demo system: the password of the demo accounts (admin, operator, planner, …) was printed in the server log at first start (search for "generated password"), unless gridwatch.demo-password chose it.',
});
