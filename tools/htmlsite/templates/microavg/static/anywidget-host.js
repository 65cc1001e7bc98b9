// The site's host for saved anywidget explorers: it draws each saved view of a page whose
// widgets are all anywidgets, with no kernel, in place of the widget manager (3.6 MB, which a
// page with any other kind of widget still loads: htmlsite.widget_state decides).
//
// An anywidget view is an anywidget front-end module (AFM, the model's `_esm`), loaded here
// as anywidget 0.11 loads it: its default export is an object { initialize, render } or a
// (possibly async) function returning one; a module exporting only a named `render` is
// taken too. `initialize({ model, signal })` runs once per model, `render({ model, el,
// signal })` once per view; either may return a cleanup function (or a promise of one),
// called when the view leaves the page (the model's, when its last view does). The model
// is the saved state held in the page: set changes it and tells the listeners, as a widget
// model does; save_changes has no kernel to send the changes to, so it keeps them here.
(function () {
  "use strict";
  const STATE = 'script[type="application/vnd.jupyter.widget-state+json"]';
  const VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]';

  function savedModel(attributes) {
    const listeners = new Map(); // event -> [{ callback, owner }]
    const model = {
      get: (name) => attributes[name],
      set(name, value) {
        const changes = typeof name === "string" ? { [name]: value } : name;
        const changed = Object.keys(changes).filter(
          (key) => JSON.stringify(attributes[key]) !== JSON.stringify(changes[key]),
        );
        Object.assign(attributes, changes);
        for (const key of changed) emit(`change:${key}`, attributes[key]);
        if (changed.length) emit("change");
      },
      save_changes() {},
      send() {},
      on(event, callback, owner = null) {
        for (const name of event.split(" ")) {
          if (!listeners.has(name)) listeners.set(name, []);
          listeners.get(name).push({ callback, owner });
        }
      },
      // off(event, callback): one listener; off(event): all of that event; off(null, null,
      // owner): every listener one view (or initialize) registered.
      off(event = null, callback = null, owner = null) {
        const names = event === null ? [...listeners.keys()] : event.split(" ");
        const matches = (entry) =>
          (callback === null || entry.callback === callback) &&
          (owner === null || entry.owner === owner);
        for (const name of names) {
          listeners.set(name, (listeners.get(name) || []).filter((entry) => !matches(entry)));
        }
      },
    };
    function emit(name, value) {
      for (const { callback } of [...(listeners.get(name) || [])]) callback(model, value);
    }
    return model;
  }

  /** The model as one owner (a view, or initialize) sees it: its listeners are its own. */
  function ownedBy(model, owner) {
    return {
      ...model,
      on: (event, callback) => model.on(event, callback, owner),
      off: (event = null, callback = null) => model.off(event, callback, owner),
    };
  }

  async function cleanUp(cleanup, what) {
    try {
      if (typeof cleanup === "function") await cleanup();
    } catch (error) {
      console.error(`${what}: cleanup failed`, error);
    }
  }

  const styled = new Set();
  function addStyle(css) {
    if (!css || styled.has(css)) return;
    styled.add(css);
    const style = document.createElement("style");
    style.textContent = css;
    document.head.append(style);
  }

  const modules = new Map();
  function moduleOf(esm) {
    if (!modules.has(esm)) {
      const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
      modules.set(esm, import(url));
    }
    return modules.get(esm);
  }

  /** The widget an AFM defines: { initialize?, render? }, as anywidget's loadWidget reads it. */
  async function widgetOf(esm) {
    const mod = await moduleOf(esm);
    if (typeof mod.render === "function") return { render: mod.render };
    if (!mod.default) throw new Error("an anywidget module must export a default object or function");
    return typeof mod.default === "function" ? await mod.default() : mod.default;
  }

  // One entry per saved model: its state, its widget, initialize's cleanup, its views.
  const models = new Map();
  function modelEntry(id, state) {
    if (!models.has(id)) {
      const model = savedModel({ ...state });
      const controller = new AbortController();
      const owner = { initialize: id };
      const ready = widgetOf(state._esm).then(async (widget) => {
        const cleanup = widget.initialize
          ? await widget.initialize({ model: ownedBy(model, owner), signal: controller.signal })
          : undefined;
        return { widget, cleanup };
      });
      models.set(id, { model, controller, owner, ready, views: new Set() });
    }
    return models.get(id);
  }

  const drawn = new Set(); // { area, dispose }

  async function draw(view, saved) {
    const { model_id: id } = JSON.parse(view.textContent);
    const found = saved[id];
    if (!found || found.model_module !== "anywidget") {
      throw new Error(`widget ${id}: no saved anywidget model to draw`);
    }
    // The area is marked a widget-subarea (what the page's checks wait for) once drawn.
    const area = document.createElement("div");
    const el = document.createElement("div");
    area.append(el);
    view.parentElement.insertBefore(area, view);
    addStyle(found.state._css);
    const entry = modelEntry(id, found.state);
    const { widget } = await entry.ready;
    const owner = { view: el };
    const controller = new AbortController();
    const cleanup = widget.render
      ? await widget.render({ model: ownedBy(entry.model, owner), el, signal: controller.signal })
      : undefined;
    entry.views.add(owner);
    const record = {
      area,
      async dispose() {
        drawn.delete(record);
        controller.abort();
        entry.model.off(null, null, owner);
        await cleanUp(cleanup, `widget ${id}'s view`);
        entry.views.delete(owner);
        if (entry.views.size === 0) {
          models.delete(id);
          entry.controller.abort();
          entry.model.off(null, null, entry.owner);
          await cleanUp((await entry.ready).cleanup, `widget ${id}`);
        }
      },
    };
    drawn.add(record);
    area.className = "widget-subarea";
  }

  // A view whose area leaves the page (a cell's output cleared, a slide's DOM replaced) is
  // removed as anywidget removes one: its listeners go and its cleanup runs.
  new MutationObserver(() => {
    for (const record of [...drawn]) if (!record.area.isConnected) record.dispose();
  }).observe(document.documentElement, { childList: true, subtree: true });

  const stateScript = document.querySelector(STATE);
  const saved = stateScript ? JSON.parse(stateScript.textContent).state : {};
  for (const view of document.querySelectorAll(VIEW)) {
    draw(view, saved).catch((error) => console.error(error));
  }
})();
