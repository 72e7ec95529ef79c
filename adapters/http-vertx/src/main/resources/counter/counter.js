// The counter page: sign in with an API key, look up a code, redeem or cancel. No build step, no dependencies.
(function () {
  'use strict';

  var TEXT = {
    zh: {
      title: '提货券核销', key: 'API 密钥', signIn: '登录', signOut: '退出', store: '门店', code: '券码（输入或扫码）',
      lookUp: '查询', sku: '商品', quantity: '数量', codeStore: '提货门店', state: '状态', validUntil: '有效期至',
      redeem: '核销', cancel: '撤销核销', admin: '管理员', clerk: '店员',
      redeemed_ok: '核销成功，请交付商品', cancelled_ok: '已撤销核销，券恢复可用', ready: '可以核销',
      unauthorized: '密钥无效，请重新登录', forbidden: '此密钥无权在该门店操作',
      wrong_store: '此券不属于本门店，请到购买时选择的门店提货', already_redeemed: '此券已核销，不能重复核销',
      code_mistyped: '券码输入有误，请核对后重新输入', code_unknown: '查无此券码，请核对', expired: '此券已过期，不能核销',
      refunded: '此券已退款或正在退款，不能核销', not_redeemable: '此券当前不可核销',
      redemption_cancel_window_closed: '核销已超过 1 小时，不能撤销', insufficient_stock: '本店库存不足',
      douyin_refused: '抖音拒绝了此券码', try_again: '系统繁忙，请稍后再试', validation_failed: '输入有误',
      not_found: '未找到', internal: '系统错误，请联系管理员', network: '网络异常，请检查连接后重试',
      states: { VALID: '可核销', REDEEMED: '已核销', EXPIRED: '已过期', REFUNDED: '已退款', REFUNDING: '退款中',
                RETURN_REQUESTED: '退货中', PENDING_ISSUE: '待发码', ISSUING: '发码中', ISSUE_FAILED: '发码失败', CANCELLED: '已取消' }
    },
    en: {
      title: 'Pickup counter', key: 'API key', signIn: 'Sign in', signOut: 'Sign out', store: 'Store', code: 'Code (type or scan)',
      lookUp: 'Look up', sku: 'Item', quantity: 'Quantity', codeStore: 'Pickup store', state: 'State', validUntil: 'Valid until',
      redeem: 'Redeem', cancel: 'Cancel redemption', admin: 'admin', clerk: 'clerk',
      redeemed_ok: 'Redeemed: hand over the goods', cancelled_ok: 'Redemption cancelled: the voucher is valid again', ready: 'Ready to redeem',
      unauthorized: 'Wrong key: please sign in again', forbidden: 'This key may not act at that store',
      wrong_store: 'This voucher is for another store: it must be picked up where the buyer chose', already_redeemed: 'Already redeemed: it cannot be redeemed twice',
      code_mistyped: 'The code was mistyped: please check it and type it again', code_unknown: 'No voucher has this code', expired: 'This voucher has expired',
      refunded: 'This voucher is refunded or being refunded: it cannot be redeemed', not_redeemable: 'This voucher cannot be redeemed now',
      redemption_cancel_window_closed: 'More than 1 hour since redemption: it can no longer be cancelled', insufficient_stock: 'Not enough stock at this store',
      douyin_refused: 'Douyin refused this code', try_again: 'Busy: please try again in a moment', validation_failed: 'Please check your input',
      not_found: 'Not found', internal: 'Something went wrong: please call an administrator', network: 'Network problem: check the connection and try again',
      states: { VALID: 'valid', REDEEMED: 'redeemed', EXPIRED: 'expired', REFUNDED: 'refunded', REFUNDING: 'being refunded',
                RETURN_REQUESTED: 'return requested', PENDING_ISSUE: 'awaiting code', ISSUING: 'issuing', ISSUE_FAILED: 'issue failed', CANCELLED: 'cancelled' }
    }
  };

  var lang = localStorage.getItem('tihuo.lang') === 'en' ? 'en' : 'zh';
  var key = sessionStorage.getItem('tihuo.key');
  var me = null;
  var current = null;   // the last looked-up code
  var lastMessage = null;

  function $(id) { return document.getElementById(id); }
  function t(k) { return TEXT[lang][k] || k; }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    if (me) { showWho(); }
    if (current) { showResult(current); }
    if (lastMessage) { show(lastMessage.kind, lastMessage.code); }
  }

  function show(kind, code) {
    lastMessage = { kind: kind, code: code };
    var box = $('message');
    box.hidden = false;
    box.className = kind;
    box.setAttribute('data-code', code);
    box.textContent = t(code);
  }

  function clearMessage() {
    lastMessage = null;
    var box = $('message');
    box.hidden = true;
    box.removeAttribute('data-code');
    box.textContent = '';
  }

  function api(method, path, body) {
    var init = { method: method, headers: { 'Authorization': 'Bearer ' + key, 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/api/v1' + path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) {
        if (res.ok) { return json; }
        var code = json && json.error && json.error.code ? json.error.code : 'internal';
        if (code === 'unauthorized') { signOut(); }
        throw { code: code };
      });
    }, function () { throw { code: 'network' }; });
  }

  function fail(e) { show('error', e && e.code ? e.code : 'internal'); }

  function showWho() {
    $('who').textContent = me.merchant + ' · ' + t(me.role) + ' · ' + me.key_fingerprint;
  }

  function signIn(event) {
    if (event) { event.preventDefault(); }
    key = key || $('key').value.trim();
    api('GET', '/me').then(function (who) {
      me = who;
      sessionStorage.setItem('tihuo.key', key);
      $('key').value = '';
      var stores = who.role === 'admin'
        ? api('GET', '/stores').then(function (r) { return r.items.map(function (s) { return { id: s.store_id, name: s.name }; }); })
        : Promise.resolve(who.stores.map(function (s) { return { id: s, name: '' }; }));
      return stores.then(function (list) {
        var select = $('store');
        select.innerHTML = '';
        list.forEach(function (s) {
          var option = document.createElement('option');
          option.value = s.id;
          option.textContent = s.name ? s.id + ' · ' + s.name : s.id;
          select.appendChild(option);
        });
        $('sign-in-panel').hidden = true;
        $('counter-panel').hidden = false;
        showWho();
        clearMessage();
        $('code').focus();
      });
    }).catch(function (e) { key = null; fail(e); });
  }

  function signOut() {
    key = null;
    me = null;
    current = null;
    sessionStorage.removeItem('tihuo.key');
    $('result').hidden = true;
    $('counter-panel').hidden = true;
    $('sign-in-panel').hidden = false;
  }

  function request() {
    return { code: $('code').value.trim(), store_id: $('store').value || undefined };
  }

  function unitState(found) {
    return found.units.length ? found.units[0].state : '';
  }

  function showResult(found) {
    var unit = found.units[0] || {};
    $('r-sku').textContent = unit.sku_name ? unit.sku_name + ' (' + unit.sku + ')' : (unit.sku || '');
    $('r-qty').textContent = String(found.quantity);
    $('r-store').textContent = found.store_id;
    var state = unitState(found);
    $('r-state').textContent = (TEXT[lang].states[state] || state);
    $('r-state').setAttribute('data-state', state);
    $('r-valid').textContent = unit.valid_until ? new Date(unit.valid_until).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') : '';
    $('redeem').disabled = !(found.at_this_store && state === 'VALID');
    // Douyin knows a used Douyin code only by the verification record its redemption answered (O4), so a Douyin
    // code can be cancelled from the page that redeemed it.
    $('cancel').disabled = !(found.at_this_store && state === 'REDEEMED' && (found.kind === 'OURS' || found.redemption));
    $('result').hidden = false;
  }

  /** What the clerk should know about a looked-up code before pressing a button. */
  function warningFor(found) {
    var state = unitState(found);
    if (!found.at_this_store) { return 'wrong_store'; }
    if (state === 'REDEEMED' || state === 'RETURN_REQUESTED') { return 'already_redeemed'; }
    if (state === 'EXPIRED') { return 'expired'; }
    if (state === 'REFUNDED' || state === 'REFUNDING') { return 'refunded'; }
    if (state !== 'VALID') { return 'not_redeemable'; }
    return null;
  }

  function lookUp(event) {
    if (event) { event.preventDefault(); }
    current = null;
    $('result').hidden = true;
    clearMessage();
    api('POST', '/counter/look-up', request()).then(function (found) {
      current = found;
      showResult(found);
      var warning = warningFor(found);
      if (warning) { show('warn', warning); } else { show('ok', 'ready'); }
    }).catch(fail);
  }

  function actionRequest() {
    var body = request();
    if (current && current.kind === 'DOUYIN' && current.redemption) {
      body.verify_id = current.redemption.verify_id;
      body.certificate_id = current.redemption.certificate_id;
      body.sku_out_id = current.redemption.sku;
    }
    return body;
  }

  function act(path, okCode) {
    $('redeem').disabled = true;
    $('cancel').disabled = true;
    api('POST', path, actionRequest()).then(function (done) {
      if (current) {
        current.units[0].state = done.state;
        current.redemption = done.kind === 'DOUYIN' && done.state === 'REDEEMED' ? done : null;
        showResult(current);
      }
      show('ok', okCode);
    }).catch(function (e) {
      fail(e);
      if (current) { showResult(current); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('code-form').addEventListener('submit', lookUp);
    $('code').addEventListener('input', function () { current = null; $('result').hidden = true; });
    $('redeem').addEventListener('click', function () { act('/counter/redeem', 'redeemed_ok'); });
    $('cancel').addEventListener('click', function () { act('/counter/cancel', 'cancelled_ok'); });
    $('lang').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('tihuo.lang', lang);
      applyLanguage();
    });
    applyLanguage();
    if (key) { signIn(); }
  });
})();
