//! Mouse clicks in play, as game inputs: a click in a rain lane is a catch
//! in that lane at the click's time; a click on a store or an item selects
//! it, and a click on the selected item adds one to the cart.

use ratatui::layout::Rect;

use crate::game::{GameState, Input, Phase};
use crate::ui::shop::ShopHit;

/// The inputs a left click at (`column`, `row`) stands for, in order.
pub fn click_inputs(game: &GameState, screen: Rect, column: u16, row: u16) -> Vec<Input> {
    let [_, body, _] = crate::ui::chrome(screen);
    match game.phase() {
        Phase::Rain => game
            .rain()
            .and_then(|r| crate::ui::rain::lane_hit(body, r.lanes, column, row))
            .map(Input::Lane)
            .into_iter()
            .collect(),
        Phase::Day if matches!(game.day().overlay, crate::game::Overlay::None) => {
            let day = game.day();
            match crate::ui::shop::hit(game, body, column, row) {
                Some(ShopHit::Store(i)) => {
                    let n = game.level().stores.len().max(1);
                    let steps = (i + n - day.store_tab % n) % n;
                    vec![Input::Right; steps]
                }
                Some(ShopHit::Item(i)) if i == day.item_row => vec![Input::AddToCart],
                Some(ShopHit::Item(i)) if i > day.item_row => vec![Input::Down; i - day.item_row],
                Some(ShopHit::Item(i)) => vec![Input::Up; day.item_row - i],
                None => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Event, update};

    fn game() -> GameState {
        let level = crate::level::load_shipped("tutorial.toml")
            .expect("shipped")
            .expect("loads");
        GameState::new(&level, 5)
    }

    #[test]
    fn a_click_in_a_lane_is_a_catch_there() {
        let mut g = game();
        update(&mut g, Event::Input(Input::Confirm));
        assert_eq!(*g.phase(), Phase::Rain);
        let screen = Rect::new(0, 0, 120, 40);
        assert_eq!(click_inputs(&g, screen, 2, 10), vec![Input::Lane(0)]);
        assert_eq!(click_inputs(&g, screen, 100, 10), Vec::<Input>::new());
    }

    #[test]
    fn clicks_in_the_shop_select_stores_and_items() {
        let mut g = game();
        crate::game::testing::skip_to_the_day(&mut g);
        let screen = Rect::new(0, 0, 120, 40);
        let body = crate::ui::chrome(screen)[1];
        let l = crate::ui::shop::layout_for(&g, body);
        // The second store's row.
        let inputs = click_inputs(&g, screen, l.stores.x + 2, l.stores.y + 2);
        assert_eq!(inputs, vec![Input::Right]);
        // The second item's row (below the header), then again to add it.
        let (x, y) = (l.items.x + 3, l.items.y + 3);
        assert_eq!(click_inputs(&g, screen, x, y), vec![Input::Down]);
        update(&mut g, Event::Input(Input::Down));
        assert_eq!(click_inputs(&g, screen, x, y), vec![Input::AddToCart]);
    }
}
